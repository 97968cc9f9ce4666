import { getTopic, listPublicArticles } from "@/lib/content/store";
import { topicChannel } from "@/lib/feed-channels";
import { renderFeed, rssResponse } from "@/lib/feeds";
import { topicParams } from "@/lib/listing-routes";

export const revalidate = 30;
export const dynamicParams = false;
export const generateStaticParams = topicParams;

/** `/temas/{topic}/feed.xml`: the latest articles filed under a topic, from every section. */
export async function GET(_request: Request, { params }: RouteContext<"/temas/[topic]/feed.xml">) {
  const topic = getTopic((await params).topic);
  if (!topic) return new Response("No encontrado", { status: 404 });
  return rssResponse(renderFeed(listPublicArticles({ topic: topic.slug }), topicChannel(topic)));
}
