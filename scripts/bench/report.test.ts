import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { PERFORMANCE_DOC, RUNS_END, RUNS_START, performanceDoc, readRuns, type Report } from "./report";

const recorded = JSON.parse(readFileSync("bench-results/runs/2026-12-05T16-23-50-596Z.json", "utf8")) as Report;
const run = (startedAt: string, articleRps: number): Report => ({
  ...recorded,
  startedAt,
  commit: `c-${startedAt.slice(11, 13)}`,
  load: {
    ...recorded.load,
    htmlBytes: { ...recorded.load.htmlBytes, "site: article": 29929 },
    results: {
      ...recorded.load.results,
      "site: article": { ...recorded.load.results["next start: article"]!, requestsPerSecond: articleRps },
    },
  },
});

const doc = `# Performance\n\nWhy, by hand.\n\n${RUNS_START}\nstale table\n${RUNS_END}\n\nHistory, by hand.\n`;

test("docs/performance.md's tables are made from the recorded runs, newest first, and the hand-written parts kept", () => {
  const made = performanceDoc(doc, [run("2026-12-01T10:00:00.000Z", 1111), run("2026-12-03T09:30:00.000Z", 2222)]);
  assert.ok(made.startsWith("# Performance\n\nWhy, by hand.\n\n"));
  assert.ok(made.endsWith(`${RUNS_END}\n\nHistory, by hand.\n`));
  assert.ok(!made.includes("stale table"));
  const newer = made.indexOf("### Run of 2026-12-03 09:30 UTC (c-09)");
  const older = made.indexOf("### Run of 2026-12-01 10:00 UTC (c-10)");
  assert.ok(newer !== -1 && older > newer, "newest first");
  assert.ok(made.slice(newer, older).includes("| site: article | 29.2 KB | 2222 |"), "each run's own figures");
  assert.ok(made.includes("#### 1–2. Throughput and latency"));
  assert.equal(
    performanceDoc(made, [run("2026-12-01T10:00:00.000Z", 1111), run("2026-12-03T09:30:00.000Z", 2222)]),
    made,
    "made again, the same",
  );
});

test("a run that weighed the stylesheets shows them beside the JavaScript; an older run does not", () => {
  const weighed = { ...recorded, stylesheets: { article: { stylesheets: 1, rawBytes: 20_480, gzipBytes: 5_120 } } };
  const made = performanceDoc(doc, [weighed, run("2026-12-01T10:00:00.000Z", 1111)]);
  assert.ok(made.includes("#### 3. JavaScript and CSS sent to the browser"));
  assert.ok(made.includes("| article | 1 | 20.0 KB | 5.0 KB |"), made);
  assert.ok(made.includes("#### 3. JavaScript sent to the browser (every module script the HTML loads)"));
});

test("a performance document without the markers of its generated part is refused, not overwritten", () => {
  assert.throws(() => performanceDoc("# Performance\n", [recorded]), /lacks the lines that mark its generated part/);
});

test("the committed docs/performance.md is what the recorded runs make", async () => {
  const committed = readFileSync(PERFORMANCE_DOC, "utf8");
  assert.equal(performanceDoc(committed, await readRuns()), committed, "run npm run bench:doc");
});
