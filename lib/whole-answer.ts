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
import http from "node:http";

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

/** What may change a held answer's whole body and headers before it is sent (lib/page-output.ts). */
export type Finish = (body: Buffer, response: http.ServerResponse) => Buffer;

/**
 * A response held until `end`, then sent in one write: the server's response class
 * (`http.createServer({ ServerResponse: WholeResponse }, …)`, Node's own option for it), so that
 * holding costs each request no wrappers of its own and leaves Node's responses one shape.
 */
export class WholeResponse extends http.ServerResponse {
  #chunks: Buffer[] = [];
  #finish: Finish | undefined = undefined;
  /** Set by `end`: from then on Node's own methods write, as `end` calls them. */
  #sending = false;

  /** `finish` gets the whole body once it is held, and may change it and the headers. */
  finishWith(finish: Finish) {
    this.#finish = finish;
  }

  override writeHead(statusCode: number, ...rest: unknown[]): this {
    if (this.#sending) return (super.writeHead as (...args: unknown[]) => this)(statusCode, ...rest);
    this.statusCode = statusCode;
    if (typeof rest[0] === "string") this.statusMessage = rest[0];
    for (const [name, value] of headerPairs(typeof rest[0] === "string" ? rest[1] : rest[0])) this.setHeader(name, value);
    return this;
  }

  override flushHeaders() {
    if (this.#sending) super.flushHeaders();
  }

  override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    if (this.#sending) return (super.write as (...args: unknown[]) => boolean)(chunk, encoding, callback);
    this.#chunks.push(toBuffer(chunk, encoding));
    (typeof encoding === "function" ? encoding : (callback as (() => void) | undefined))?.();
    return true;
  }

  override end(chunk?: unknown, encoding?: unknown, callback?: unknown): this {
    const end = super.end as (...args: unknown[]) => this;
    if (this.#sending) return end.call(this, chunk, encoding, callback);
    this.#sending = true;
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    // Already whole: Next.js's own single write of a stored page.
    if (!this.#finish && this.#chunks.length === 0) return end.call(this, chunk ?? undefined, encoding, callback);
    if (chunk !== undefined && chunk !== null) this.#chunks.push(toBuffer(chunk, encoding));
    const whole = Buffer.concat(this.#chunks);
    const body = this.#finish ? this.#finish(whole, this) : whole;
    const withBody = carriesBody(this.req.method, this.statusCode);
    if (withBody) this.setHeader("Content-Length", body.length);
    return end.call(this, withBody ? body : undefined, callback);
  }
}

/** Has this held response's whole body pass through `finish` before it is sent. */
export function finishWhole(response: http.ServerResponse, finish: Finish) {
  if (!(response instanceof WholeResponse))
    throw new Error("not a held response: the server must be created with { ServerResponse: WholeResponse }");
  response.finishWith(finish);
}
