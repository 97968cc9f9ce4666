import { cookies, draftMode } from "next/headers";
import type { NextRequest } from "next/server";
import { getArticle, isPublic } from "@/lib/content/store";
import { PREVIEW_COOKIE } from "@/lib/preview";
import { articlePath, homePath } from "@/lib/urls";

/** Leaves the preview: clears both cookies and returns to the article if it is public, else home. */
export async function GET(request: NextRequest) {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COOKIE);
  const article = getArticle(request.nextUrl.searchParams.get("slug") ?? "");
  const location = article && isPublic(article) ? articlePath(article) : homePath();
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" },
  });
}
