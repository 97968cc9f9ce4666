/**
 * Pages as documents, not applications: what Next.js renders becomes what readers get.
 *
 * Every page of the site is complete HTML and CSS, and nothing on it needs React in the browser;
 * the back-to-top button has a small script of its own (public/back-to-top.js). Yet Next.js sends
 * each page with its client runtime and the page again as React Server Component data, and has no
 * switch to leave them out (vercel/next.js#45009, #5054). So every page, before it is stored or
 * sent, loses what Next.js (16.4) adds for the client:
 * - `<script>` elements but JSON-LD and the back-to-top script: the runtime's chunks
 *   (`<script src="/_next/static/chunks/…" async>`, a `noModule` one), its bootstrap
 *   (`<script id="_R_">`) and the RSC data (`<script>self.__next_f.push(…)</script>`);
 * - `<link rel="preload" as="script">` and `<link rel="modulepreload">` hints for those chunks;
 * - the empty outlet where it would stream metadata (`<div hidden=""><!--$--><!--/$--></div>`):
 *   next.config.ts's htmlLimitedBots gives every reader the metadata in <head>.
 * Then it is stored as ASCII (lib/ascii-html.ts), which Node sends faster, and without the RSC
 * data Next.js would store beside it (`.rsc`, `.segments/`) and read with it on every request.
 *
 * Three places apply it: scripts/page-output.ts to the prerendered pages after `next build`
 * (`storePrerenderedPage`);
 * `installPageOutputCache` to the pages Next.js regenerates at run time, as its file-system cache
 * stores them; and `leanResponse` to pages rendered for each request (search results, previews),
 * as they are sent. A publication finds the pages rendered before it with `latestRenders` and
 * marks them stale with `markPagesStale`, so that the first request after it still gets the
 * stored, lean copy while the page regenerates. This relies on Next.js internals: the file-system
 * cache class, the global slot its incremental cache reads handlers from, the tag it gives each
 * page and the folders it keeps pages in; this is the one module that touches them (a configured `cacheHandler` would be
 * imported again on every request). lib/page-output.test.ts fails if an upgrade moves them;
 * e2e/documents.spec.ts fails if a page type starts carrying a script or loses content without one.
 */
import type http from "node:http";
import { readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
// With its file name: the e2e tests load this module through Node's own resolution, which finds a
// package without an exports map by file name only.
import { revalidateTag } from "next/cache.js";
import type FileSystemCacheClass from "next/dist/server/lib/incremental-cache/file-system-cache";
import { toAsciiHtml } from "./ascii-html";
import { backToTopScriptPath } from "./urls";
import { finishWhole } from "./whole-answer";

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
/** The scripts a page keeps: JSON-LD, which is data, and the one small file a reader downloads. */
const isKeptScript = (attributes: string) =>
  /\btype="application\/ld\+json"/.test(attributes) || attributes.includes(`src="${backToTopScriptPath()}"`);
const SCRIPT_HINT = /<link\b(?=[^>]*\brel="(?:modulepreload|preload)")(?=[^>]*\bas="script"|[^>]*\brel="modulepreload")[^>]*>/gi;
const METADATA_OUTLET = '<div hidden=""><!--$--><!--/$--></div>';

/** The page without Next.js's client runtime, its RSC data or their hints. */
export function leanHtml(html: string): string {
  return html
    .replace(SCRIPT, (element, attributes: string) => (isKeptScript(attributes) ? element : ""))
    .replace(SCRIPT_HINT, "")
    .replace(METADATA_OUTLET, "");
}

/** A page as readers get it: lean, and in ASCII. */
export const pageOutput = (html: string) => toAsciiHtml(leanHtml(html));

/** Next.js internals; README, Known limitations, says what happens if an upgrade moves them. */
const FILE_SYSTEM_CACHE_MODULE = "next/dist/server/lib/incremental-cache/file-system-cache.js";
const CACHE_HANDLERS_SLOT = Symbol.for("@next/cache-handlers");
/** The tag Next.js gives every page, before its path (its "implicit tag"; `NEXT_CACHE_IMPLICIT_TAG_ID`). */
export const PAGE_TAG_PREFIX = "_N_T_";

/**
 * Marks these pages stale: each is regenerated on its next request, which still gets the stored
 * copy, lean, as every later one gets the regenerated copy, stored lean. `revalidatePath` would
 * expire them instead, and the next request would get Next.js's render as it streams, with its
 * runtime. Called from a route handler (the internal publish route).
 */
export function markPagesStale(paths: string[]) {
  for (const path of paths) {
    revalidateTag(`${PAGE_TAG_PREFIX}${path}`, "max");
    // The home page answers to both names.
    if (path === "/") revalidateTag(`${PAGE_TAG_PREFIX}/index`, "max");
  }
}

type FileSystemCache = typeof FileSystemCacheClass;
type Entry = Parameters<FileSystemCacheClass["set"]>[1];

/**
 * The RSC data a page is stored with: none. Nobody reads it (the request guard turns every RSC
 * request into a page request), yet Next.js reads a page's `.rsc` file and each of its segment
 * files from disk with the page on every request, some 90 KB for an article.
 */
const NO_RSC_DATA = Buffer.alloc(0);

/** A page entry as readers get it, with no RSC data; anything else (feeds, sitemaps) as it was. */
export function pageOutputEntry(entry: Entry): Entry {
  return entry?.kind === "APP_PAGE" && typeof entry.html === "string"
    ? { ...entry, html: pageOutput(entry.html), rscData: NO_RSC_DATA, segmentData: undefined }
    : entry;
}

/**
 * Stores a page the build prerendered (`<page>.html`) as pageOutputEntry stores a regenerated
 * one: lean HTML, an empty `.rsc`, no `.segments` folder, and a `.meta` that names no segments.
 * The HTML keeps its file time, by which Next.js dates the page.
 */
export async function storePrerenderedPage(htmlFile: string): Promise<void> {
  const stored = htmlFile.slice(0, -".html".length);
  const html = await readFile(htmlFile, "utf8");
  const { atime, mtime } = await stat(htmlFile);
  await writeFile(htmlFile, pageOutput(html));
  await utimes(htmlFile, atime, mtime);
  await writeFile(`${stored}.rsc`, NO_RSC_DATA);
  await rm(`${stored}.segments`, { recursive: true, force: true });
  const meta = JSON.parse(await readFile(`${stored}.meta`, "utf8")) as { segmentPaths?: string[] };
  delete meta.segmentPaths;
  await writeFile(`${stored}.meta`, JSON.stringify(meta));
}

function pageOutputCache(FileSystemCache: FileSystemCache): FileSystemCache {
  return class PageOutputCache extends FileSystemCache {
    override set(...[key, entry, context]: Parameters<FileSystemCacheClass["set"]>) {
      return super.set(key, pageOutputEntry(entry), context);
    }
  };
}

/**
 * Next.js's file-system cache class as its server loads it, from the project root (the site runs
 * from its root, as lib/content/bundle.ts assumes).
 */
function nextFileSystemCache(): FileSystemCache {
  const loaded = createRequire(path.join(process.cwd(), "package.json"))(FILE_SYSTEM_CACHE_MODULE) as { default: FileSystemCache };
  return loaded.default;
}

/** Every incremental cache the server creates from now on stores pages as readers get them. */
export function installPageOutputCache() {
  const slots = globalThis as unknown as Record<symbol, Record<string, unknown> | undefined>;
  slots[CACHE_HANDLERS_SLOT] = { ...slots[CACHE_HANDLERS_SLOT], FetchCache: pageOutputCache(nextFileSystemCache()) };
}

/**
 * Sends a page rendered for this request as readers get pages: held until it is whole
 * (lib/whole-answer.ts), made lean, then gzipped if the reader accepts it. Next.js is asked for it
 * uncompressed, so that what is held is HTML. Anything that is not HTML goes out as it came.
 */
export function leanResponse(request: http.IncomingMessage, response: http.ServerResponse) {
  const acceptsGzip = /\bgzip\b/i.test(String(request.headers["accept-encoding"] ?? ""));
  delete request.headers["accept-encoding"];
  finishWhole(response, (body) => {
    if (!/^text\/html\b/.test(String(response.getHeader("content-type") ?? ""))) return body;
    response.setHeader("Vary", "Accept-Encoding");
    const lean = Buffer.from(pageOutput(body.toString("utf8")));
    if (!acceptsGzip || request.method === "HEAD") return lean;
    response.setHeader("Content-Encoding", "gzip");
    return gzipSync(lean);
  });
}

/** The bytes of RSC data stored with a page (its `.rsc` file and `.segments/` folder): none, once stored lean. */
export async function rscDataStoredWith(htmlFile: string): Promise<number> {
  const stored = htmlFile.slice(0, -".html".length);
  let bytes = (await stat(`${stored}.rsc`)).size;
  const segments = await readdir(`${stored}.segments`, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of segments) if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  return bytes;
}

/*
 * The pages Next.js holds rendered, and when it rendered each: what a publication leaves out of
 * date. `next start` keeps every page the build prerendered as `<path>.html` under
 * `.next/server/app` (a route's output, such as a feed, as `<path>.body`); what it renders later,
 * on a first request or to regenerate a page, under `.next/server/route-cache/<kind>/<route>/$/`
 * in the same layout (Next.js 16.4). A file's time is when it was rendered; a page's latest render
 * is its newest file in either place. But a prerendered page is also copied there, unchanged, the
 * first time a server reads it, and that copy's time is when it was copied: its `.meta` says
 * `"x-nextjs-prerender":"1"`, and it is left out, or a publication at that moment would take the
 * build's page for a new one.
 */
/** Where next start keeps a project's pages: the build's prerendered ones, and those rendered since. */
export const storedPagesDirs = (projectDir = process.cwd()) => ({
  prerendered: path.join(projectDir, ".next", "server", "app"),
  renderedSince: path.join(projectDir, ".next", "server", "route-cache"),
});

/** The address of a rendered file, or null for what is no page of the site (Next.js's own, templates). */
export function renderedPagePath(relativeFile: string): string | null {
  const match = /^(.*)\.(?:html|body)$/.exec(relativeFile.split(path.sep).join("/"));
  if (!match) return null;
  const address = match[1] === "index" ? "/" : `/${match[1]}`;
  return address.split("/").some((segment) => segment.startsWith("_") || segment.includes("[")) ? null : address;
}

/** Where the page's own path starts in a route-cache file's path: after its route's `$` folder. */
const ROUTE_CACHE_PAGE = `${path.sep}$${path.sep}`;

/** Whether a route-cache file is a copy of the build's prerendered page rather than a render. */
async function isPrerenderCopy(file: string): Promise<boolean> {
  const meta = await readFile(file.replace(/\.(?:html|body)$/, ".meta"), "utf8").catch(() => "");
  return meta.includes('"x-nextjs-prerender":"1"');
}

/** Every page rendered under these folders, with its newest file and that file's time. */
export async function latestRenders(roots = Object.values(storedPagesDirs())): Promise<Map<string, { file: string; mtimeMs: number }>> {
  const renders = new Map<string, { file: string; mtimeMs: number }>();
  for (const root of roots) {
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const relative = path.relative(root, file);
      const pageStart = relative.indexOf(ROUTE_CACHE_PAGE);
      const address = renderedPagePath(pageStart === -1 ? relative : relative.slice(pageStart + ROUTE_CACHE_PAGE.length));
      if (!address || (pageStart !== -1 && (await isPrerenderCopy(file)))) continue;
      const { mtimeMs } = await stat(file);
      if (mtimeMs > (renders.get(address)?.mtimeMs ?? -Infinity)) renders.set(address, { file, mtimeMs });
    }
  }
  return renders;
}

/**
 * Addresses of the pages rendered before `time` (ms), those a publication at `time` leaves out of
 * date, the most recently rendered first.
 */
export async function pagesRenderedBefore(time: number, roots = Object.values(storedPagesDirs())): Promise<string[]> {
  return [...(await latestRenders(roots))]
    .filter(([, { mtimeMs }]) => mtimeMs < time)
    .sort(([, a], [, b]) => b.mtimeMs - a.mtimeMs)
    .map(([address]) => address);
}
