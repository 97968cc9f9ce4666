import { getImageProps } from "next/image";
import type { Article, Section } from "@/lib/content/store";
import { formatDate } from "@/lib/dates";
import { articlePath, sectionPath } from "@/lib/urls";
import { MarkedText } from "./MarkedText";

/** An article in a list: lead image, subsection, headline link, description and date. */
export function ArticleTeaser({
  article,
  section,
  lead = false,
  headingLevel = "h2",
  searchQuery,
}: {
  article: Article;
  section?: Section;
  /** The first story on the home page: larger, and its image is fetched first. */
  lead?: boolean;
  headingLevel?: "h2" | "h3";
  /** In search results: the query, whose words are marked in the headline and description. */
  searchQuery?: string | undefined;
}) {
  const shown = (text: string) => (searchQuery ? <MarkedText text={text} query={searchQuery} /> : text);
  const Heading = headingLevel;
  const { props: image } = getImageProps({
    src: article.leadImage.src,
    alt: article.leadImage.alt,
    width: article.leadImage.width,
    height: article.leadImage.height,
    sizes: lead ? "(min-width: 1152px) 700px, 100vw" : "(min-width: 1152px) 340px, (min-width: 640px) 50vw, 100vw",
    loading: lead ? "eager" : "lazy",
    fetchPriority: lead ? "high" : undefined,
  });
  return (
    <article className={lead ? "grid gap-5 md:grid-cols-[3fr_2fr] md:items-center" : "flex flex-col"}>
      {/* eslint-disable-next-line @next/next/no-img-element -- props come from next/image's getImageProps */}
      <img {...image} alt={article.leadImage.alt} lang={article.language} className="aspect-[3/2] h-auto w-full bg-surface object-cover" />
      <div className={lead ? "" : "mt-3"}>
        {section && (
          <p className="text-xs font-bold tracking-wider uppercase">
            <a href={sectionPath(section.path)} className="inline-block py-1.5 no-underline">
              {section.name}
            </a>
          </p>
        )}
        <Heading lang={article.language} className={`font-serif font-bold leading-tight ${lead ? "text-3xl sm:text-4xl" : "text-xl"}`}>
          <a href={articlePath(article)} className="text-ink hover:underline">
            {shown(article.headline)}
          </a>
        </Heading>
        <p lang={article.language} className={`mt-2 text-muted ${lead ? "text-lg" : "text-[0.95rem]"}`}>
          {shown(article.description)}
        </p>
        <p className="mt-2 text-xs text-muted">
          <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
        </p>
      </div>
    </article>
  );
}
