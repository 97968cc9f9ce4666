import { currentMainSitemap, xmlResponse } from "@/lib/sitemaps";

/** Regenerated at most every 30 s, like the pages it lists, so scheduled articles join on time. */
export const revalidate = 30;

export function GET() {
  return xmlResponse(currentMainSitemap());
}
