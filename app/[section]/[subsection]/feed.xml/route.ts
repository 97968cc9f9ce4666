import { getSection, listPublicArticles } from "@/lib/content/store";
import { sectionChannel } from "@/lib/feed-channels";
import { renderFeed, rssResponse } from "@/lib/feeds";
import { subsectionParams } from "@/lib/listing-routes";

export const revalidate = 30;
export const dynamicParams = false;
export const generateStaticParams = subsectionParams;

/** `/{section}/{subsection}/feed.xml`: the latest articles of one subsection. */
export async function GET(_request: Request, { params }: RouteContext<"/[section]/[subsection]/feed.xml">) {
  const { section, subsection } = await params;
  const found = getSection(`${section}/${subsection}`);
  if (!found?.parent) return new Response("No encontrado", { status: 404 });
  return rssResponse(renderFeed(listPublicArticles({ section: found.path }), sectionChannel(found)));
}
