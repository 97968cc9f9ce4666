import { getSection, listPublicArticles } from "@/lib/content/store";
import { sectionChannel } from "@/lib/feed-channels";
import { renderFeed, rssResponse } from "@/lib/feeds";
import { topSectionParams } from "@/lib/listing-routes";

export const revalidate = 30;
export const dynamicParams = false;
export const generateStaticParams = topSectionParams;

/** `/{section}/feed.xml`: the latest articles of a top-level section and its subsections. */
export async function GET(_request: Request, { params }: RouteContext<"/[section]/feed.xml">) {
  const section = getSection((await params).section);
  if (!section || section.parent) return new Response("No encontrado", { status: 404 });
  return rssResponse(renderFeed(listPublicArticles({ section: section.path }), sectionChannel(section)));
}
