/**
 * `npm run check:content`: validates every content module and prints each problem on one line as
 * `path: field: reason`; exits 1 if there is any. With `--write` (run by `npm run build`) it also
 * writes the compiled bundle the site reads.
 */
import path from "node:path";
import nextEnv from "@next/env";
import { removeOtherBodies, writeBodies } from "../lib/content/bodies";
import { BUNDLE_PATH } from "../lib/content/bundle";
import { compileContent, formatProblem, writeAtomically } from "../lib/content/compile";
import { PUBLIC_DIR, contentDir } from "../lib/content/paths";
import { buildSearchIndex } from "../lib/search/index";
import { SEARCH_INDEX_PATH } from "../lib/search/search";
import { readCommandLine } from "./command-line";

const HELP = `usage: npm run check:content [-- --write]

Checks every content module under CONTENT_DIR (default content/) and prints each problem as
file: field: reason; exits 1 if there is any.

  --write  also write the compiled bundle and search index the site reads (.content/)`;

async function main() {
  const write = readCommandLine({ help: HELP, options: { write: { type: "boolean" } } }).values.write === true;
  // The .env files, as `next build` reads them: CONTENT_DIR, and the settings the bundle records
  // for the build (SITE_URL, PRERENDER_*), must be the ones the build is made with.
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const dir = contentDir();
  const started = performance.now();
  const { bundle, problems, searchEntries, bodies } = await compileContent(dir, { publicDir: PUBLIC_DIR });
  if (!bundle) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(`\n✗ ${problems.length} content problem${problems.length === 1 ? "" : "s"} in ${dir}`);
    process.exit(1);
  }
  if (write) {
    // The index and the bodies first: a server that sees the new bundle must find its articles there too.
    await writeAtomically(SEARCH_INDEX_PATH, buildSearchIndex(searchEntries));
    const contentOutput = path.dirname(BUNDLE_PATH);
    await writeBodies(path.join(contentOutput, bundle.bodiesFile), bodies);
    await writeAtomically(BUNDLE_PATH, JSON.stringify(bundle));
    await removeOtherBodies(contentOutput, bundle.bodiesFile);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `✓ content OK: ${bundle.articles.length} articles, ${bundle.authors.length} authors, ` +
      `${bundle.sections.length} sections, ${bundle.topics.length} topics from ${dir} in ${seconds} s${write ? `; wrote ${BUNDLE_PATH} and the search index` : ""}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
