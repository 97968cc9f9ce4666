import { getImageProps } from "next/image";
import { preload } from "react-dom";
import type { Article } from "@/lib/content/store";

/**
 * The lead image through the Next.js image optimizer, as a plain <img>: getImageProps gives the
 * sized srcset without the client component behind <Image>, so the page ships no extra JavaScript.
 * Width and height reserve its box, so nothing shifts when it arrives.
 */
export function LeadImage({ image, language }: { image: Article["leadImage"]; language: string }) {
  const { props } = getImageProps({
    src: image.src,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes: "(min-width: 800px) 768px, 100vw",
    loading: "eager",
    fetchPriority: "high",
  });
  // It is the page's largest element: fetch it alongside the HTML, not after the CSS.
  preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  return (
    <figure className="mt-8">
      {/* eslint-disable-next-line @next/next/no-img-element -- props come from next/image's getImageProps */}
      <img {...props} alt={image.alt} lang={language} className="h-auto w-full bg-surface" />
      <figcaption className="mt-2 text-sm leading-relaxed text-muted">
        <span lang={language}>{image.caption}</span> <span className="whitespace-nowrap">{image.credit}</span>
      </figcaption>
    </figure>
  );
}
