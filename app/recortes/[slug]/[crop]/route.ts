import { getArticle, isPublic } from "@/lib/content/store";
import { cropLeadImage, isCropName } from "@/lib/crops";

/** /recortes/{slug}/{og|16x9|4x3|1x1}.jpg: a crop of a public article's lead image. */
export async function GET(_request: Request, { params }: RouteContext<"/recortes/[slug]/[crop]">) {
  const { slug, crop } = await params;
  const name = crop.endsWith(".jpg") ? crop.slice(0, -4) : "";
  const article = getArticle(slug);
  if (!isCropName(name) || !article || !isPublic(article)) {
    return new Response("No encontrado", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const image = await cropLeadImage(article.leadImage.src, name);
  return new Response(new Uint8Array(image), {
    headers: {
      "Content-Type": "image/jpeg",
      // Shared caches check back every 30 s, as for pages: a withdrawn article's crops leave them
      // within a minute, not a week.
      "Cache-Control": "public, max-age=86400, s-maxage=30, stale-while-revalidate=86400",
    },
  });
}
