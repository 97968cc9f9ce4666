/**
 * Runs after `next build` (`npm run build`): stores the prerendered pages as readers get them,
 * lean, in ASCII and without RSC data (lib/page-output.ts), as the server's cache stores every
 * page re-rendered later.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { storePrerenderedPage, storedPagesDirs } from "../lib/page-output";
import { readCommandLine } from "./command-line";

readCommandLine({
  help: `usage: tsx scripts/page-output.ts (the last step of npm run build)

Rewrites the pages the build prerendered as readers get them: lean, in ASCII, without RSC data.`,
  options: {},
});

let stored = 0;
for (const entry of await readdir(storedPagesDirs().prerendered, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  await storePrerenderedPage(path.join(entry.parentPath, entry.name));
  stored++;
}
console.log(`✓ ${stored} prerendered pages stored lean, in ASCII, without RSC data`);
