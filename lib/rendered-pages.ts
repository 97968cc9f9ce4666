/**
 * The pages Next.js holds rendered, and when it rendered each. `next start` keeps every page the
 * build prerendered as `<path>.html` under `.next/server/app` (a route's output, such as a feed,
 * as `<path>.body`), the layout scripts/page-output.ts reads; what it renders later, on a first
 * request or to regenerate a page, it keeps under `.next/server/route-cache/<kind>/<route>/$/` in
 * the same layout (Next.js 16.4). A file's time is when it was rendered; a page's latest render is
 * its newest file in either place. But a prerendered page is also copied there, unchanged, the
 * first time a server reads it, and that copy's time is when it was copied: its `.meta` says
 * `"x-nextjs-prerender":"1"`, and it is left out, or a publication at that moment would take the
 * build's page for a new one.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";

export const RENDERED_PAGES_DIRS = [
  path.join(process.cwd(), ".next", "server", "app"),
  path.join(process.cwd(), ".next", "server", "route-cache"),
];

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
export async function latestRenders(roots = RENDERED_PAGES_DIRS): Promise<Map<string, { file: string; mtimeMs: number }>> {
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

/** Addresses of the pages rendered before `time` (ms): those a publication at `time` leaves out of date. */
export async function pagesRenderedBefore(time: number, roots = RENDERED_PAGES_DIRS): Promise<string[]> {
  return [...(await latestRenders(roots))].filter(([, { mtimeMs }]) => mtimeMs < time).map(([address]) => address);
}
