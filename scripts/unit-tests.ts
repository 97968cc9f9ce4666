/**
 * `npm run test:unit`: runs every unit test, each `*.test.ts` file in the project (they sit next
 * to their code), with Node's test runner. Found by name, so a new test file runs without being
 * listed anywhere. `npm run test:unit -- --name <pattern>` runs only the tests whose name matches.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readCommandLine } from "./command-line";

/** Installed packages, build output and scratch trees: none of them holds the project's tests. */
const SKIPPED = new Set(["node_modules", "bench-results", "test-results", "playwright-report"]);

/** Every `*.test.ts` under `dir`, sorted; folders starting with "." are build output or tools'. */
export function unitTestFiles(dir = "."): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith(".") || SKIPPED.has(entry.name) ? [] : unitTestFiles(file);
      return entry.name.endsWith(".test.ts") ? [file] : [];
    })
    .sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values: flags } = readCommandLine({
    help: `usage: npm run test:unit -- [--name <pattern>]

Runs every *.test.ts of the project with Node's test runner.

  --name P  only the tests whose name matches the regular expression P`,
    options: { name: { type: "string" } },
  });
  const only = flags.name === undefined ? [] : ["--test-name-pattern", flags.name];
  const run = spawnSync(process.execPath, ["--import", "tsx", "--test", ...only, ...unitTestFiles()], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}
