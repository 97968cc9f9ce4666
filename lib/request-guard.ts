/**
 * The first check every request meets, before Next.js routes it. `next start` offers no hook
 * there, so instrumentation.ts installs this on the HTTP server at boot. It answers, cheaply and
 * in Spanish, the requests Next.js would otherwise mishandle: methods a read-only site never
 * serves (Next renders cached pages for POST), malformed percent-encoding (Next answers 500)
 * and absurdly long addresses.
 */
import http from "node:http";
import { plainPage } from "./plain-page";

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

function respond(response: http.ServerResponse, { status, title }: Rejection, method: string | undefined) {
  const body = plainPage({ title, paragraphs: ["No podemos atender esta solicitud."] });
  response.statusCode = status;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
  response.setHeader("Connection", "close");
  if (status === 405) response.setHeader("Allow", "GET, HEAD");
  response.end(method === "HEAD" ? undefined : body);
}

let installed = false;

export function installRequestGuard() {
  if (installed) return;
  installed = true;
  type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  const emit = http.Server.prototype.emit as Emit;
  const guarded: Emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const rejection = rejectRequest(request.method, request.url);
      if (rejection) {
        request.resume();
        respond(response, rejection, request.method);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
  http.Server.prototype.emit = guarded as typeof http.Server.prototype.emit;
}
