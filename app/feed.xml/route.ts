import { listPublicArticles } from "@/lib/content/store";
import { renderFeed, rssResponse } from "@/lib/feeds";

export const revalidate = 30;

export function GET() {
  return rssResponse(renderFeed(listPublicArticles()));
}
