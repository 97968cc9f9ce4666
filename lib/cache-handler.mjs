// Next.js's own file-system cache (prerendered pages in .next, its in-memory LRU, revalidation),
// storing the HTML of every page it re-renders as ASCII, as scripts/ascii-pages.ts stores the
// prerendered ones after `next build`: converted once per render, so that no request pays Node's
// slow UTF-8 path for two-byte strings (lib/ascii-html.mjs). An ASCII file reads back as a
// one-byte string. This is also the seam for the shared cache that several servers will need.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { toAsciiHtml } from "./ascii-html.mjs";

const FileSystemCache = FileSystemCacheModule.default;

export default class AsciiHtmlCache extends FileSystemCache {
  async set(key, data, ctx) {
    const page = data?.kind === "APP_PAGE" && typeof data.html === "string" ? { ...data, html: toAsciiHtml(data.html) } : data;
    return super.set(key, page, ctx);
  }
}
