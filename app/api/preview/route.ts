import { cookies, draftMode } from "next/headers";
import type { NextRequest } from "next/server";
import { getArticle } from "@/lib/content/store";
import { plainPage } from "@/lib/plain-page";
import { PREVIEW_COOKIE, previewQuery, readPreviewSecret, verifyPreviewQuery } from "@/lib/preview";
import { site } from "@/lib/site";
import { articlePath } from "@/lib/urls";

const PRIVATE = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" };

const REFUSALS = {
  off: "Las vistas previas están desactivadas en este servidor.",
  malformed: "El enlace de vista previa está incompleto o no es válido.",
  signature: "El enlace de vista previa no es válido.",
  expired: "El enlace de vista previa ha caducado.",
  unknown: "El artículo de este enlace ya no existe.",
} as const;

/** 401, in Spanish, and no cookie: the link opens nothing. */
function refuse(reason: keyof typeof REFUSALS) {
  const body = plainPage({
    title: "Vista previa no disponible",
    paragraphs: [REFUSALS[reason], "Pide a la redacción un enlace nuevo para este artículo."],
  });
  return new Response(body, { status: 401, headers: { ...PRIVATE, "Content-Type": "text/html; charset=utf-8" } });
}

/**
 * Opens a private preview link: checks its signature and expiry, turns on draft mode, remembers
 * which article it was signed for, and sends the editor to that article's own path on this site.
 */
export async function GET(request: NextRequest) {
  const secret = readPreviewSecret();
  if (!secret.ok) return refuse("off");
  const grant = verifyPreviewQuery(request.nextUrl.search, secret.secret);
  if (!grant.ok) return refuse(grant.reason);
  const article = getArticle(grant.slug);
  if (!article) return refuse("unknown");

  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_COOKIE, previewQuery(grant, secret.secret), {
    httpOnly: true,
    secure: site.url.protocol === "https:",
    sameSite: "lax",
    path: "/",
    expires: new Date(grant.expires * 1000),
  });
  // The target comes from the content, never from the request: no open redirect.
  return new Response(null, { status: 303, headers: { ...PRIVATE, Location: articlePath(article) } });
}
