/**
 * `npm run bench:compare [-- <git ref>] [--articles N] [--rounds R]`: is this change faster?
 * Builds the working tree and another commit (HEAD by default) from the same generated fixtures,
 * serves both with their own server at once and loads their article, home and section pages in
 * interleaved wrk rounds, so the machine's noise falls on both builds alike. Runs minutes apart
 * cannot answer the question on a shared machine: the machine's own drift between them is as large
 * as the differences worth knowing (docs/performance.md). Writes bench-results/compare.{json,md}.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ContentBundle } from "../lib/content/bundle";
import { articlePath, homePath, searchPath, sectionPath } from "../lib/urls";
import {
  cpuMicrosecondsPerRequest,
  ensureDebianTools,
  fetchWithRetry,
  log,
  mean,
  measure,
  readJson,
  sum,
  wrk,
  wrkServer,
  type ServerLoadResult,
} from "./bench/tools";
import { failUsage, readCommandLine, wholeNumber } from "./command-line";
import { makeScratchTree } from "./scratch-tree";
import { startNext, type Server } from "./servers";

const HELP = `usage: npm run bench:compare -- [<git ref>] [--articles N] [--rounds R]

Builds the working tree and another commit (HEAD by default) from the same fixtures and loads
both side by side in interleaved rounds; writes bench-results/compare.{json,md}.

  --articles N  articles in both builds (default 1000)
  --rounds R    interleaved rounds (default 8)`;
const { values: flags, positionals } = readCommandLine({
  help: HELP,
  options: { articles: { type: "string" }, rounds: { type: "string" } },
  allowPositionals: true,
});
if (positionals.length > 1) failUsage(`one git ref at most (got ${positionals.join(" ")})`, HELP);
const ref = positionals[0] ?? "HEAD";
const ARTICLES = wholeNumber(flags.articles, 1000, "articles", HELP);
const ROUNDS = wholeNumber(flags.rounds, 8, "rounds", HELP);
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

const ROOT = process.cwd();
const OUT = path.join(ROOT, "bench-results");
const OTHER_TREE = path.join(OUT, "compare-tree");
// Both builds get the same SITE_URL, so that their pages weigh the same.
const SITE_URL = "http://127.0.0.1:3300";
const PORTS = { working: 3300, other: 3302 };

interface Build {
  name: string;
  dir: string;
  port: number;
  pages: Record<"article" | "home" | "section", string>;
}

const git = (...gitArgs: string[]) => execFileSync("git", gitArgs, { cwd: ROOT, encoding: "utf8" }).trim();

/** The other commit, checked out beside the working tree, sharing its installed packages. */
async function checkOut(commit: string) {
  spawnSync("git", ["worktree", "remove", "--force", OTHER_TREE], { cwd: ROOT });
  await rm(OTHER_TREE, { recursive: true, force: true });
  git("worktree", "add", "--detach", OTHER_TREE, commit);
  if (spawnSync("git", ["diff", "--quiet", commit, "--", "package-lock.json"], { cwd: ROOT }).status !== 0) {
    log("package-lock.json differs from the working tree's: both builds use the working tree's node_modules");
  }
  // Hard links: a copy of node_modules in seconds, without Turbopack seeing packages outside its root.
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(OTHER_TREE, "node_modules")]);
}

/** Fixtures from the tree's own generator (its schema may differ), then its own `npm run build`. */
async function build(name: string, dir: string, port: number): Promise<Build> {
  const contentDir = path.join(dir, ".fixtures", `compare-${ARTICLES}`);
  const env = { ...process.env, CONTENT_DIR: contentDir, SITE_URL, NEXT_TELEMETRY_DISABLED: "1" };
  log(`${name}: writing ${ARTICLES} articles and building`);
  execFileSync(
    process.execPath,
    [
      path.join(dir, "node_modules/tsx/dist/cli.mjs"),
      "scripts/fixtures.ts",
      "--out",
      contentDir,
      "--articles",
      String(ARTICLES),
      "--seed",
      "42",
    ],
    { cwd: dir, stdio: "ignore" },
  );
  const logFile = path.join(OUT, `compare-build-${port}.log`);
  const { seconds } = await measure("npm", ["run", "build"], env, logFile, dir);
  log(`${name}: built in ${seconds.toFixed(1)} s`);
  const bundle = await readJson<ContentBundle>(path.join(dir, ".content", "bundle.json"));
  const now = Date.now();
  const article = bundle.articles.find((a) => a.status === "published" && Date.parse(a.publishedAt) <= now)!;
  return {
    name,
    dir,
    port,
    pages: { article: articlePath(article), home: homePath(), section: sectionPath(article.section.split("/")[0]!) },
  };
}

/** The smallest, median and largest of the per-round ratios. */
function spread(ratios: number[]) {
  const sorted = [...ratios].sort((x, y) => x - y);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! };
}

/**
 * Server CPU a request, the other build's over the working tree's: read like the throughput ratio
 * (above 100%, the working tree is cheaper), but counting the server's own work only.
 */
const cpuRatio = (mine: ServerLoadResult[], theirs: ServerLoadResult[]) =>
  cpuMicrosecondsPerRequest(theirs) / cpuMicrosecondsPerRequest(mine);

type Target = { build: string; page: string; url: string; pgid: number };
type PageComparison = ReturnType<typeof comparePage>;

/** Both builds' servers, warmed, and their pages as load targets. */
async function startBuilds(builds: Build[], servers: Server[]): Promise<Target[]> {
  for (const b of builds) {
    servers.push(
      await startNext(b.port, { ...process.env, SITE_URL, CONTENT_DIR: path.join(b.dir, ".fixtures", `compare-${ARTICLES}`) }, b.dir),
    );
    // One search on each first: on Node 20, the first page a server renders on request turns on
    // async hooks for every later request (docs/performance.md). A server in production has
    // rendered one; a build whose server warms its search at start has too, and one whose server
    // does not would otherwise be measured in a state no server with readers stays in.
    await (await fetchWithRetry(`http://127.0.0.1:${b.port}${searchPath("gaceta")}`)).arrayBuffer();
  }
  return builds.flatMap((b, index) =>
    Object.entries(b.pages).map(([page, pagePath]) => ({
      build: b.name,
      page,
      url: `http://127.0.0.1:${b.port}${pagePath}`,
      pgid: servers[index]!.process.pid!,
    })),
  );
}

/** Each target's wrk results, round by round, page by page, the two builds back to back. */
function loadInRounds(targets: Target[], pages: string[]): Map<string, ServerLoadResult[]> {
  for (const target of targets) wrk(target.url, 2);
  const samples = new Map<string, ServerLoadResult[]>(targets.map((target) => [target.url, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    // Page by page, the two builds back to back, so each pair shares the machine's moment.
    for (const page of pages) {
      const pair = targets.filter((target) => target.page === page);
      for (const target of round % 2 ? pair : [...pair].reverse())
        samples.get(target.url)!.push(wrkServer(target.url, LOAD_SECONDS, target.pgid));
      const [a, b] = pair.map((target) => samples.get(target.url)!.at(-1)!);
      const cpu = (result: ServerLoadResult) => cpuMicrosecondsPerRequest([result]).toFixed(0);
      log(
        `round ${round}/${ROUNDS} ${page}: ${a!.requestsPerSecond.toFixed(0)} vs ${b!.requestsPerSecond.toFixed(0)} req/s, ${cpu(a!)} vs ${cpu(b!)} µs of server CPU a request`,
      );
    }
  }
  return samples;
}

/** One page of both builds: the working tree's results first. */
function comparePage(page: string, htmlBytes: number[], mine: ServerLoadResult[], theirs: ServerLoadResult[]) {
  return {
    page,
    htmlBytes,
    requestsPerSecond: [mine, theirs].map((results) => mean(results.map((r) => r.requestsPerSecond))),
    ratio: mean(mine.map((r) => r.requestsPerSecond)) / mean(theirs.map((r) => r.requestsPerSecond)),
    roundRatios: spread(mine.map((result, index) => result.requestsPerSecond / theirs[index]!.requestsPerSecond)),
    serverCpuMicrosecondsPerRequest: [mine, theirs].map(cpuMicrosecondsPerRequest),
    cpuRatio: cpuRatio(mine, theirs),
    cpuRoundRatios: spread(mine.map((result, index) => cpuRatio([result], [theirs[index]!]))),
    errors: sum([...mine, ...theirs].map((r) => r.non2xx + r.errors)),
  };
}

function markdownReport(working: string, other: string, pages: PageComparison[]): string {
  const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
  return [
    `# ${working} against ${other}`,
    "",
    `${ARTICLES} generated articles each; wrk 2 threads × 32 connections, ${ROUNDS} rounds of ${LOAD_SECONDS} s, the two builds back to back in each round, each server asked for one search first.`,
    "",
    "| Page | HTML | req/s, working tree | req/s, other | working / other | per round (min, median, max) |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...pages.map(
      (p) =>
        `| ${p.page} | ${p.htmlBytes.map((bytes) => `${(bytes / 1024).toFixed(1)} KB`).join(" / ")} | ${p.requestsPerSecond[0]!.toFixed(0)} | ${p.requestsPerSecond[1]!.toFixed(0)} | **${pct(p.ratio)}** | ${pct(p.roundRatios.min)}, ${pct(p.roundRatios.median)}, ${pct(p.roundRatios.max)} |`,
    ),
    "",
    "By the server's CPU a request (other / working tree, so that above 100% the working tree is cheaper):",
    "",
    "| Page | µs, working tree | µs, other | ratio | per round (min, median, max) |",
    "| --- | ---: | ---: | ---: | --- |",
    ...pages.map(
      (p) =>
        `| ${p.page} | ${p.serverCpuMicrosecondsPerRequest[0]!.toFixed(0)} | ${p.serverCpuMicrosecondsPerRequest[1]!.toFixed(0)} | **${pct(p.cpuRatio)}** | ${pct(p.cpuRoundRatios.min)}, ${pct(p.cpuRoundRatios.median)}, ${pct(p.cpuRoundRatios.max)} |`,
    ),
    "",
    "A difference inside the spread of the per-round ratios is noise.",
    ...(pages.some((p) => p.errors) ? ["", "Some requests failed or were not 2xx: see the JSON."] : []),
  ].join("\n");
}

async function main() {
  ensureDebianTools({ wrk: "wrk" });
  await mkdir(OUT, { recursive: true });
  const commit = git("rev-parse", "--verify", `${ref}^{commit}`);
  const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  const working = `working tree (${git("rev-parse", "--short", "HEAD")}${dirty ? " + changes" : ""})`;
  const other = `${ref} (${commit.slice(0, 7)})`;
  await checkOut(commit);
  const servers: Server[] = [];
  try {
    // The working tree is built in a scratch copy of it: the checkout's own build stays the user's.
    const workingTree = await makeScratchTree(path.join(OUT, "compare-working"));
    const builds = [await build(working, workingTree, PORTS.working), await build(other, OTHER_TREE, PORTS.other)];
    const targets = await startBuilds(builds, servers);
    const htmlBytes = new Map<string, number>();
    for (const target of targets) htmlBytes.set(target.url, (await (await fetchWithRetry(target.url)).arrayBuffer()).byteLength);
    const pageNames = Object.keys(builds[0]!.pages);
    const samples = loadInRounds(targets, pageNames);
    const pages = pageNames.map((page) => {
      const [mine, theirs] = builds.map((b) => targets.find((t) => t.build === b.name && t.page === page)!.url);
      return comparePage(
        page,
        [mine!, theirs!].map((url) => htmlBytes.get(url)!),
        samples.get(mine!)!,
        samples.get(theirs!)!,
      );
    });
    const report = {
      startedAt: new Date().toISOString(),
      working,
      other,
      articles: ARTICLES,
      rounds: ROUNDS,
      seconds: LOAD_SECONDS,
      pages,
    };
    const markdown = markdownReport(working, other, pages);
    await writeFile(path.join(OUT, "compare.json"), JSON.stringify(report, null, 2));
    await writeFile(path.join(OUT, "compare.md"), `${markdown}\n`);
    console.log(`\n${markdown}\n`);
    log("wrote bench-results/compare.md and compare.json");
  } finally {
    for (const server of servers.reverse()) await server.stop();
    spawnSync("git", ["worktree", "remove", "--force", OTHER_TREE], { cwd: ROOT });
    if (existsSync(OTHER_TREE)) await rm(OTHER_TREE, { recursive: true, force: true });
    spawnSync("git", ["worktree", "prune"], { cwd: ROOT });
  }
}

await main();
