/**
 * Runs after `next build` (`npm run build`): stores the prerendered pages as readers get them,
 * lean and in ASCII (lib/page-output.ts), as the server's cache stores every page re-rendered later.
 */
import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { pageOutput, storedPagesDirs } from "../lib/page-output";
import { readCommandLine } from "./command-line";

readCommandLine({
  help: `usage: tsx scripts/page-output.ts (the last step of npm run build)

Rewrites the pages the build prerendered as readers get them: lean, in ASCII.`,
  options: {},
});

const PRERENDERED = storedPagesDirs().prerendered;

let converted = 0;
for (const entry of await readdir(PRERENDERED, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const file = path.join(entry.parentPath, entry.name);
  const html = await readFile(file, "utf8");
  const output = pageOutput(html);
  if (output === html) continue;
  const { atime, mtime } = await stat(file);
  await writeFile(file, output);
  // Next.js dates a prerendered page by its file's time: keep it, or revalidation would shift.
  await utimes(file, atime, mtime);
  converted++;
}
console.log(`✓ ${converted} prerendered pages stored lean, in ASCII`);
