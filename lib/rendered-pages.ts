/**
 * The pages Next.js holds rendered, and when it rendered each. `next start` keeps every page it
 * prerendered at build or regenerated since as `<path>.html` under `.next/server/app` (a route's
 * output, such as a feed, as `<path>.body`), the file's time being when it was rendered; the same
 * layout the build step in scripts/page-output.ts reads.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export const RENDERED_PAGES_DIR = path.join(process.cwd(), ".next", "server", "app");

/** The address of a rendered file, or null for what is no page of the site (Next.js's own, templates). */
export function renderedPagePath(relativeFile: string): string | null {
  const match = /^(.*)\.(?:html|body)$/.exec(relativeFile.split(path.sep).join("/"));
  if (!match) return null;
  const address = match[1] === "index" ? "/" : `/${match[1]}`;
  return address.split("/").some((segment) => segment.startsWith("_") || segment.includes("[")) ? null : address;
}

/** Addresses of the pages rendered before `time` (ms): those a publication at `time` leaves out of date. */
export async function pagesRenderedBefore(time: number, root = RENDERED_PAGES_DIR): Promise<string[]> {
  const pages: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const address = renderedPagePath(path.relative(root, file));
    if (address && (await stat(file)).mtimeMs < time) pages.push(address);
  }
  return pages;
}
