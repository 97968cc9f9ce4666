/**
 * Next.js's own file-system cache, storing the HTML of every page it re-renders as ASCII, as
 * scripts/ascii-pages.ts stores the prerendered ones after `next build`: converted once per
 * render, so that no request pays Node's slow UTF-8 path for two-byte strings (lib/ascii-html.ts).
 * An ASCII file reads back as a one-byte string. This is also the seam where a store shared by
 * several servers would plug in.
 *
 * Installed at boot (instrumentation.ts) through the global slot that Next.js's incremental cache
 * reads for a deployment's cache handler, not as `cacheHandler` in next.config.ts: next start
 * imports a configured handler again on every request, which cost the article page about a sixth
 * of the server's time per request.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type FileSystemCacheClass from "next/dist/server/lib/incremental-cache/file-system-cache";
import { toAsciiHtml } from "./ascii-html";

/** Next.js internals; README, Known limitations, says what happens if an upgrade moves them. */
const FILE_SYSTEM_CACHE_MODULE = "next/dist/server/lib/incremental-cache/file-system-cache.js";
const CACHE_HANDLERS_SLOT = Symbol.for("@next/cache-handlers");

type FileSystemCache = typeof FileSystemCacheClass;
type Entry = Parameters<FileSystemCacheClass["set"]>[1];

/** A page entry with its HTML in ASCII; anything else as it was. */
export function asciiEntry(entry: Entry): Entry {
  return entry?.kind === "APP_PAGE" && typeof entry.html === "string" ? { ...entry, html: toAsciiHtml(entry.html) } : entry;
}

function asciiPageCache(FileSystemCache: FileSystemCache): FileSystemCache {
  return class AsciiPageCache extends FileSystemCache {
    override set(...[key, entry, context]: Parameters<FileSystemCacheClass["set"]>) {
      return super.set(key, asciiEntry(entry), context);
    }
  };
}

/**
 * Next.js's file-system cache class as next start itself loads it, from the project root (the site
 * runs from its root, as content/bundle.ts assumes), rather than a copy compiled into
 * instrumentation.ts.
 */
function nextFileSystemCache(): FileSystemCache {
  const loaded = createRequire(path.join(process.cwd(), "package.json"))(FILE_SYSTEM_CACHE_MODULE) as { default: FileSystemCache };
  return loaded.default;
}

/** Every incremental cache the server creates from now on stores pages as ASCII. */
export function installAsciiPageCache() {
  const slots = globalThis as unknown as Record<symbol, Record<string, unknown> | undefined>;
  slots[CACHE_HANDLERS_SLOT] = { ...slots[CACHE_HANDLERS_SLOT], FetchCache: asciiPageCache(nextFileSystemCache()) };
}
