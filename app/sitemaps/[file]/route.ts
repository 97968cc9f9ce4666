import { currentChildSitemap, xmlResponse } from "@/lib/sitemaps";

export const revalidate = 30;

/** `/sitemaps/{n}.xml`: the n-th child of the sitemap index, which exists only once the sitemap is split. */
export async function GET(_request: Request, { params }: RouteContext<"/sitemaps/[file]">) {
  const match = /^([1-9][0-9]{0,3})\.xml$/.exec((await params).file);
  const body = match ? currentChildSitemap(Number(match[1])) : null;
  return body
    ? xmlResponse(body)
    : new Response("No encontrado", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
