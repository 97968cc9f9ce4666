/**
 * The first check every request meets, before Next.js routes it: scripts/serve.ts, the site's
 * server, runs it on each request and hands Next.js only what it lets through. It answers, cheaply and
 * in Spanish, the requests Next.js would otherwise mishandle: methods a read-only site never
 * serves (Next renders cached pages for POST), malformed percent-encoding (Next answers 500)
 * and absurdly long addresses. It also sends the address of an article scheduled for later, and
 * of a list page that stays empty until then, to the site's static 404 page: the page
 * prerendered there is a 404 too, but Next.js renders a notFound() page as an empty shell that
 * only JavaScript fills (vercel/next.js#62228); so, too, Next.js's own routes that answer
 * requests from outside with a 500 or that shell. And it sends a reader who follows an article's
 * former address to where the article is now, and tells one who follows a withdrawn article's
 * address that it is gone, and why.
 *
 * Before any of those decisions it spells the path one way, so that no other spelling of an
 * address gets another answer, and drops what a request may not bring: draft-mode and preview
 * cookies without a valid token, and the headers that ask for RSC data. It serves images only
 * while a public article uses them, and the image optimizer only the requests the site makes;
 * and it hands pages rendered per request (search, previews) to lib/page-output.ts to be sent lean.
 */
import http from "node:http";
import type { Withdrawal as ContentWithdrawal } from "./content/bundle";
import { formatDateTime } from "./dates";
import { OPTIMIZER_PATH, canonicalOptimizerImage } from "./image-variants";
import { plainPage } from "./plain-page";
import { leanResponse } from "./page-output";
import { DRAFT_MODE_COOKIE, PREVIEW_COOKIE, withoutPreviewCookies } from "./preview";
import { searchPath } from "./urls";
import { PUBLIC_PAGE_CACHING } from "./security-headers";

/** Longer than any address the site makes; Google ignores URLs past 2,048 characters. */
export const MAX_URL_LENGTH = 2048;
const ALLOWED_METHODS = new Set(["GET", "HEAD"]);

export interface Rejection {
  status: 400 | 405 | 414;
  title: string;
}

const BAD_REQUEST: Rejection = { status: 400, title: "Solicitud no válida" };

/** Why a request cannot be served, or null when it may go on to the site. */
export function rejectRequest(method: string | undefined, url: string | undefined): Rejection | null {
  if (!method || !ALLOWED_METHODS.has(method)) return { status: 405, title: "Método no permitido" };
  if (!url || url.length > MAX_URL_LENGTH) return { status: 414, title: "Dirección demasiado larga" };
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  let segments: string[];
  try {
    segments = path.split("/").map(decodeURIComponent);
  } catch {
    return BAD_REQUEST;
  }
  // Control characters (NUL included) never belong in an address, and neither do dot segments
  // or slashes smuggled in encoded: no page of the site has them, only traversal attempts do.
  if (segments.some((segment) => segment === "." || segment === ".." || /[\u0000-\u001f\u007f/\\]/.test(segment))) {
    return BAD_REQUEST;
  }
  return null;
}

function sendPlainPage(response: http.ServerResponse, method: string | undefined, status: number, body: string) {
  response.statusCode = status;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
  response.end(method === "HEAD" ? undefined : body);
}

function respond(response: http.ServerResponse, { status, title }: Rejection, method: string | undefined) {
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Connection", "close");
  if (status === 405) response.setHeader("Allow", "GET, HEAD");
  sendPlainPage(response, method, status, plainPage({ title, paragraphs: ["No podemos atender esta solicitud."] }));
}

/**
 * A permanent redirect, which search engines follow and credit to the new address. Cached like a
 * page, so shared caches keep it without holding on to it long after an editor changes it. The
 * query string is left behind: no page reads one, and the recommended cache keys without it.
 */
function redirectPermanently(response: http.ServerResponse, location: string, method: string | undefined) {
  response.setHeader("Location", location);
  response.setHeader("Cache-Control", PUBLIC_PAGE_CACHING.value);
  const body = plainPage({ title: "Esta noticia ha cambiado de dirección", paragraphs: [`Ahora está en ${location}`] });
  sendPlainPage(response, method, 301, body);
}

/** What a withdrawn article's address tells the reader, as content/withdrawn.ts gives it. */
type Withdrawal = Pick<ContentWithdrawal, "withdrawnAt" | "reason">;

/** The page a withdrawn article's address answers with. */
export const withdrawnPage = ({ withdrawnAt, reason }: Withdrawal) =>
  plainPage({ title: "Este artículo fue retirado", paragraphs: [reason, `Retirado el ${formatDateTime(withdrawnAt)}.`] });

/**
 * 410 Gone, which search engines take as final and drop sooner than a 404. Cached like a page, so
 * shared caches keep it.
 */
function answerGone(response: http.ServerResponse, withdrawal: Withdrawal, method: string | undefined) {
  response.setHeader("Cache-Control", PUBLIC_PAGE_CACHING.value);
  sendPlainPage(response, method, 410, withdrawnPage(withdrawal));
}

/** An address no route matches, so Next.js answers it with its prerendered 404 page. */
export const UNMATCHED_PATH = "/_gaceta/no-publicado";
/**
 * The same for an address under /api/: one no route matches either, under /api/preview/, so that
 * the 404 keeps the API's headers (never stored by a shared cache, never sent on as a referrer).
 */
export const UNMATCHED_API_PATH = "/api/preview/no-existe/-/-";

/** What RFC 3986 calls unreserved: escaping one of these changes nothing about an address. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * The address as the site spells it: escapes of unreserved characters decoded ("%61" is "a"),
 * other escapes in upper case, the query string as it came. Every address the site makes is plain
 * ASCII, so every spelling of one gets the one answer: the guard's decisions, Next.js's routes and
 * headers, and the shared cache all see this spelling.
 */
export function canonicalUrl(url: string): string {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const canonical = path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : escape.toUpperCase();
  });
  return queryStart === -1 ? canonical : canonical + url.slice(queryStart);
}

/** A request's address without its query string: no page reads one. */
const pathOf = (url: string) => url.split("?", 1)[0]!;

export interface GuardOptions {
  /**
   * When the page at this exact path first has something public, if that may be later: a scheduled
   * article's page, or a list page that stays empty until one is published.
   */
  scheduledAt?: (path: string) => number | undefined;
  /** Where the article once at this exact path is now, if it has moved and is public. */
  movedTo?: (path: string) => string | undefined;
  /** Why and when the article once at this exact path was withdrawn, if it was. */
  withdrawn?: (path: string) => Withdrawal | undefined;
  /**
   * The article this Cookie header may preview, by a valid, unexpired preview token for it
   * (lib/preview.ts): only its address and its lead image are let through before their time.
   */
  previewed?: (cookieHeader: string | undefined) => { path: string; image: string } | undefined;
  /**
   * From when the image at this path under /images/ has a public use: an author's photo or a
   * published article's lead image (-Infinity), a scheduled article's (its time), or none
   * (undefined: a draft's, a withdrawn article's, or no article's). It is served from then on.
   */
  imageFrom?: (path: string) => number | undefined;
  /**
   * Whether there is a page at this path of a route Next.js renders on demand (an article's, a
   * later list page's; see `isOnDemandRoute`), and whether the build prerendered it. A path with
   * none gets the 404 page: Next.js would render it and might store it.
   */
  pageAt?: (path: string) => { prerendered: boolean } | undefined;
  /**
   * Every publication time up to this one is live (lib/publication-schedule.ts): an article whose
   * time has come but whose pages are not yet revalidated still gets the 404 page.
   */
  publishedThrough?: () => number;
}

/**
 * Whether this request asks for a page before it has anything public (a scheduled article's, or a
 * list page that one will open), other than through a preview link made for that very article.
 */
export function isEarlyForScheduled(
  request: Pick<http.IncomingMessage, "url" | "headers">,
  { scheduledAt, previewed, publishedThrough = Date.now }: GuardOptions,
): boolean {
  if (!scheduledAt || !request.url) return false;
  const path = pathOf(request.url);
  const due = scheduledAt(path);
  return due !== undefined && due > publishedThrough() && previewed?.(request.headers.cookie)?.path !== path;
}

/**
 * What an image request may get: `undefined` for anything that is no image request; "bad" for an
 * optimizer request the site never makes (lib/image-variants.ts); "hidden" for an image with no
 * public use yet, or any more, unless the request previews the article it leads; "ok" otherwise.
 */
export function imageAccess(
  request: Pick<http.IncomingMessage, "url" | "headers">,
  { imageFrom, previewed, publishedThrough = Date.now }: GuardOptions,
): "ok" | "bad" | "hidden" | undefined {
  const url = request.url ?? "";
  const path = pathOf(url);
  let image: string;
  if (path === OPTIMIZER_PATH) {
    const asked = canonicalOptimizerImage(url.slice(path.length + 1));
    if (asked === null) return "bad";
    image = asked;
  } else if (path.startsWith("/images/")) {
    image = path;
  } else {
    return undefined;
  }
  if (!imageFrom) return "ok";
  const from = imageFrom(image);
  if (from !== undefined && from <= publishedThrough()) return "ok";
  return previewed?.(request.headers.cookie)?.image === image ? "ok" : "hidden";
}

/**
 * The request headers that ask Next.js for React Server Component data instead of a page. The
 * site never navigates on the client, so nobody outside needs that data: a request that sends
 * them gets the page, as any other reader does.
 */
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "next-hmr-refresh",
];

export function dropRouterHeaders(request: Pick<http.IncomingMessage, "headers">) {
  for (const name of ROUTER_HEADERS) delete request.headers[name];
}

/** Next.js's own addresses for RSC data (`/autores.rsc`, `/autores.segments/…`): no page of the site. */
const PAYLOAD_ADDRESS = /\.rsc$|\.segments(?:\/|$)/;

/**
 * The three-segment addresses other routes take before the article route does: feeds, lead
 * image crops, the two API routes, and Next.js's assets. Any other three segments reach it.
 */
const OTHER_THREE_SEGMENT_ROUTES = [
  /^\/[^/]+\/[^/]+\/feed\.xml$/,
  /^\/recortes\//,
  /^\/api\/(?:preview\/exit|internal\/publish)$/,
  /^\/_next\//,
];

/**
 * Whether Next.js would send this path to a route that renders on demand what the build did not
 * prerender: the article route (/{section}/{subsection}/{slug}, which takes any three segments
 * another route does not) or a later list page's (/{…}/pagina/{n}).
 */
export function isOnDemandRoute(path: string): boolean {
  const segments = path.split("/").slice(1);
  if (segments.length === 4) return segments[2] === "pagina";
  if (segments.length !== 3 || segments.some((segment) => segment === "")) return false;
  return segments[1] === "pagina" || !OTHER_THREE_SEGMENT_ROUTES.some((route) => route.test(path));
}

/**
 * What a request to an on-demand route gets: the 404 page where there is no page ("none"), unless
 * it previews the article there; "render" where the page was not prerendered; "stored" otherwise.
 */
export function onDemandPage(
  request: Pick<http.IncomingMessage, "url" | "headers">,
  { pageAt, previewed }: GuardOptions,
): "none" | "render" | "stored" | undefined {
  const path = pathOf(request.url ?? "");
  if (!pageAt || !isOnDemandRoute(path)) return undefined;
  const page = pageAt(path);
  if (!page) return previewed?.(request.headers.cookie)?.path === path ? undefined : "none";
  return page.prerendered ? "stored" : "render";
}

/** Pages rendered for each request, never stored: search results, and anything in a preview. */
export function isRenderedPerRequest(request: Pick<http.IncomingMessage, "url" | "headers">, { previewed }: GuardOptions): boolean {
  return pathOf(request.url ?? "") === searchPath() || previewed?.(request.headers.cookie) !== undefined;
}

/** A Cookie header that holds the draft-mode or the preview cookie, whatever its value. */
const PREVIEW_COOKIES = new RegExp(`(?:^|;)\\s*(?:${DRAFT_MODE_COOKIE}|${PREVIEW_COOKIE})=`);

/**
 * Drops the draft-mode and preview cookies from a request that has no valid preview token, so
 * that a made-up cookie changes nothing: Next.js serves it the static page, as to anyone else.
 */
export function dropForgedPreviewCookies(request: Pick<http.IncomingMessage, "headers">, { previewed }: GuardOptions) {
  const cookie = request.headers.cookie;
  if (!cookie || !PREVIEW_COOKIES.test(cookie) || previewed?.(cookie) !== undefined) return;
  const kept = withoutPreviewCookies(cookie);
  if (kept) request.headers.cookie = kept;
  else delete request.headers.cookie;
}

/** The address to send this request to, if it asks for a former address of a moved article. */
export function movedLocation(request: Pick<http.IncomingMessage, "url">, { movedTo }: GuardOptions): string | undefined {
  if (!movedTo || !request.url) return undefined;
  return movedTo(pathOf(request.url));
}

/** The withdrawal of the article this request asks for, if it was withdrawn. */
export function withdrawalOf(request: Pick<http.IncomingMessage, "url">, { withdrawn }: GuardOptions): Withdrawal | undefined {
  if (!withdrawn || !request.url) return undefined;
  return withdrawn(pathOf(request.url));
}

/**
 * Next.js's own routes, which no link of the site leads to: `/_global-error` answers 500 and
 * `/index`, the home page's name inside Next.js, an empty 404 shell. The site's own addresses
 * start with a slug, never "_" (content/slug.ts) nor "index" (reserved); `/_next/` serves assets.
 */
const FRAMEWORK_ROUTE = /^\/(?:index|_(?!next\/)[^/]*)(?:\/|$)/;

/** Whether this address, decoded, names one of Next.js's own routes rather than a page. */
export function isFrameworkRoute(url: string): boolean {
  try {
    return FRAMEWORK_ROUTE.test(decodeURIComponent(pathOf(url)));
  } catch {
    return false;
  }
}

/**
 * The guard for one site: given a request, it either answers it itself (and returns true) or
 * readies it for Next.js (and returns false), which scripts/serve.ts then hands it to.
 */
export function createRequestGuard(options: GuardOptions = {}) {
  // Pages rendered on demand that this process has sent once: Next.js has stored them, lean
  // (lib/page-output.ts), and sends that copy from then on.
  const sentOnce = new Set<string>();
  const sendLeanOnce = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const path = pathOf(request.url!);
    if (sentOnce.has(path)) return;
    leanResponse(request, response);
    response.once("finish", () => response.statusCode === 200 && sentOnce.add(path));
  };
  return function guardRequest(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    const rejection = rejectRequest(request.method, request.url);
    if (rejection) {
      request.resume();
      respond(response, rejection, request.method);
      return true;
    }
    request.url = canonicalUrl(request.url!);
    dropForgedPreviewCookies(request, options);
    dropRouterHeaders(request);
    const location = movedLocation(request, options);
    if (location) {
      request.resume();
      redirectPermanently(response, location, request.method);
      return true;
    }
    const withdrawal = withdrawalOf(request, options);
    if (withdrawal) {
      request.resume();
      answerGone(response, withdrawal, request.method);
      return true;
    }
    const image = imageAccess(request, options);
    if (image === "bad") {
      request.resume();
      respond(response, BAD_REQUEST, request.method);
      return true;
    }
    // Images are files, not routes: imageAccess has decided for them.
    const onDemand = image === undefined ? onDemandPage(request, options) : undefined;
    if (
      image === "hidden" ||
      onDemand === "none" ||
      isFrameworkRoute(request.url) ||
      PAYLOAD_ADDRESS.test(pathOf(request.url)) ||
      isEarlyForScheduled(request, options)
    ) {
      request.url = pathOf(request.url).startsWith("/api/") ? UNMATCHED_API_PATH : UNMATCHED_PATH;
    } else if (isRenderedPerRequest(request, options)) {
      leanResponse(request, response);
    } else if (onDemand === "render") {
      // Its first request gets Next.js's render as it streams, runtime and all: it is held and
      // sent as the stored copy will be.
      sendLeanOnce(request, response);
    }
    return false;
  };
}
