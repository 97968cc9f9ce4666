import { getAuthor, listPublicArticles } from "@/lib/content/store";
import { authorChannel } from "@/lib/feed-channels";
import { renderFeed, rssResponse } from "@/lib/feeds";
import { authorParams } from "@/lib/listing-routes";

export const revalidate = 30;
export const dynamicParams = false;
export const generateStaticParams = authorParams;

/** `/autores/{author}/feed.xml`: the latest articles an author wrote or co-wrote. */
export async function GET(_request: Request, { params }: RouteContext<"/autores/[author]/feed.xml">) {
  const author = getAuthor((await params).author);
  if (!author) return new Response("No encontrado", { status: 404 });
  return rssResponse(renderFeed(listPublicArticles({ author: author.slug }), authorChannel(author)));
}
