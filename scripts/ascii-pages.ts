/**
 * Runs after `next build` (`npm run build`): stores the prerendered pages as ASCII, as
 * lib/ascii-page-cache.ts stores every page re-rendered later, so that next start sends them
 * without Node's slow UTF-8 path for two-byte strings (lib/ascii-html.ts).
 */
import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { toAsciiHtml } from "../lib/ascii-html";

const PRERENDERED = path.join(process.cwd(), ".next", "server", "app");

let converted = 0;
for (const entry of await readdir(PRERENDERED, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const file = path.join(entry.parentPath, entry.name);
  const html = await readFile(file, "utf8");
  const ascii = toAsciiHtml(html);
  if (ascii === html) continue;
  const { atime, mtime } = await stat(file);
  await writeFile(file, ascii);
  // Next.js dates a prerendered page by its file's time: keep it, or revalidation would shift.
  await utimes(file, atime, mtime);
  converted++;
}
console.log(`✓ ${converted} prerendered pages stored as ASCII`);
