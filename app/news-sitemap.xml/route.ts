import { newsArticles, renderNewsSitemap, xmlResponse } from "@/lib/sitemaps";

export const revalidate = 30;

export function GET() {
  return xmlResponse(renderNewsSitemap(newsArticles()));
}
