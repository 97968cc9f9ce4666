import type { NextRequest } from "next/server";
import { markPagesStale, pagesRenderedBefore } from "@/lib/page-output";
import { PUBLISH_TOKEN_HEADER, WARMED_PAGES, isPublishToken } from "@/lib/publication-schedule";

const notFound = () => new Response("No encontrado", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Called by this server's own publication scheduler when scheduled articles are due, with the
 * latest due time as `before`: every page rendered before it is marked stale and regenerates on
 * its next request (which still gets the stored copy). A page rendered since already shows them
 * and is left alone, so a restart redoes nothing that was done. It answers with the most recently
 * rendered of them, for the scheduler to ask for at once. To anyone else this route does not exist.
 */
export async function GET(request: NextRequest) {
  if (!isPublishToken(request.headers.get(PUBLISH_TOKEN_HEADER))) return notFound();
  const before = request.nextUrl.searchParams.get("before");
  if (!before || !/^\d{1,15}$/.test(before)) return new Response(null, { status: 400 });
  const stale = await pagesRenderedBefore(Number(before));
  markPagesStale(stale);
  return Response.json({ warm: stale.slice(0, WARMED_PAGES) }, { headers: { "X-Revalidated-Pages": String(stale.length) } });
}
