import { revalidatePath } from "next/cache";
import type { NextRequest } from "next/server";
import { PUBLISH_TOKEN_HEADER, isPublishToken } from "@/lib/publication-schedule";

/**
 * Called by this server's own publication scheduler when a scheduled article is due: every page
 * is marked stale and regenerates on its next request. To anyone else it does not exist.
 */
export function GET(request: NextRequest) {
  if (!isPublishToken(request.headers.get(PUBLISH_TOKEN_HEADER))) {
    return new Response("No encontrado", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  revalidatePath("/", "layout");
  return new Response(null, { status: 204 });
}
