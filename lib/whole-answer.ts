/**
 * Every answer goes out whole: status line, headers and body in one write, with its length.
 *
 * Behind nginx, a server that dies after it has sent an answer's headers leaves nginx half an
 * answer it can neither finish nor ask another server for: the reader gets a broken page. One
 * that dies before its first byte costs nothing, since nginx asks the next server. Next.js sends a
 * stored page uncompressed in one write, but gzipped it sends the headers and the compressor's
 * first bytes at once and the rest a thread-pool round later, and a page rendered for a request
 * as it streams. So the response is held until it is whole: `writeHead` only sets the status and
 * headers, `write` keeps its chunk, and `end` sends everything, with its Content-Length, in one
 * write. The kernel takes a gzipped page (a few KB) whole into the socket's buffer, and the answer
 * then arrives whole even if the process dies; a larger answer (an image, an uncompressed page)
 * may still be cut where the buffer filled, a far smaller window than before. Held answers are
 * small: pages, feeds, the site's images and assets; nothing of the site streams.
 */
import type http from "node:http";

type Write = (chunk: unknown, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: () => void) => boolean;
type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => http.ServerResponse;

const toBuffer = (chunk: unknown, encoding?: unknown) =>
  Buffer.isBuffer(chunk)
    ? chunk
    : typeof chunk === "string"
      ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
      : Buffer.from(chunk as Uint8Array);

/** The headers a `writeHead` call passes, as pairs: an object, or a flat list of names and values. */
function headerPairs(headers: unknown): [string, string | number | string[]][] {
  if (Array.isArray(headers)) {
    const pairs: [string, string][] = [];
    for (let index = 0; index + 1 < headers.length; index += 2) pairs.push([String(headers[index]), String(headers[index + 1])]);
    return pairs;
  }
  return headers && typeof headers === "object" ? Object.entries(headers as Record<string, string | number | string[]>) : [];
}

/** Whether an answer with this status to this method carries a body (RFC 9110, 6.4.1). */
const carriesBody = (method: string | undefined, status: number) => method !== "HEAD" && status >= 200 && status !== 204 && status !== 304;

/**
 * Holds this response until `end`, then sends it in one write. `finish`, if given, may change the
 * whole body and the headers first (lib/page-output.ts's `leanResponse` makes pages lean there).
 */
export function sendWhole(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  finish?: (body: Buffer, response: http.ServerResponse) => Buffer,
) {
  const chunks: Buffer[] = [];
  const { writeHead, write, end } = response;
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    response.statusCode = statusCode;
    if (typeof rest[0] === "string") response.statusMessage = rest[0];
    for (const [name, value] of headerPairs(typeof rest[0] === "string" ? rest[1] : rest[0])) response.setHeader(name, value);
    return response;
  }) as typeof response.writeHead;
  response.flushHeaders = () => {};
  response.write = ((chunk, encoding, callback) => {
    chunks.push(toBuffer(chunk, encoding));
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  }) as Write as typeof response.write;
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    Object.assign(response, { writeHead, write, end });
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    // Already whole: Next.js's own single write of a stored page.
    if (!finish && chunks.length === 0) return (end as End).call(response, chunk ?? undefined, encoding, callback);
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    const body = finish ? finish(Buffer.concat(chunks), response) : Buffer.concat(chunks);
    const withBody = carriesBody(request.method, response.statusCode);
    if (withBody) response.setHeader("Content-Length", body.length);
    return (end as End).call(response, withBody ? body : undefined, callback);
  }) as typeof response.end;
}
