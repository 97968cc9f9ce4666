/**
 * `npm run loadtest [-- --seconds 180] [--connections 64] [--articles 1000]`: builds the site from
 * generated articles, starts the site's server, and for a bounded time sends a mix of good and bad
 * requests (articles, home, section, topic and author pages, their feeds, sitemaps, search; unknown
 * pages, bad encodings, long paths, framework routes, wrong methods, bad image parameters) from autocannon
 * on this machine. Reports requests served, latency percentiles, status codes, errors and the
 * server's memory; then checks that SIGTERM lets requests in flight finish. Exits 1 on any 5xx,
 * connection error or unsettled memory.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import type { Article, ContentBundle } from "../lib/content/bundle";
import {
  articlePath,
  authorFeedPath,
  authorPath,
  authorsPath,
  feedPath,
  homePath,
  searchPath,
  sectionPath,
  topicFeedPath,
  topicPath,
  topicsPath,
} from "../lib/urls";
import { log, measure, readJson } from "./bench/tools";
import { writeFixtureTree } from "./fixtures";
import { readCommandLine, wholeNumber } from "./command-line";
import { makeScratchTree } from "./scratch-tree";
import { sleep, startNext, stopGroup } from "./servers";

const HELP = `usage: npm run loadtest -- [--seconds S] [--connections C] [--articles N]

Builds a site of generated articles, sends it a mix of good and bad requests for a bounded time,
then checks: no 5xx, memory settles, SIGTERM lets requests in flight finish.

  --seconds S      how long the load lasts (default 180)
  --connections C  concurrent connections (default 64)
  --articles N     generated articles (default 1000)`;
const { values: flags } = readCommandLine({
  help: HELP,
  options: { seconds: { type: "string" }, connections: { type: "string" }, articles: { type: "string" } },
});
// Long enough for V8 to settle its heap: a minute can end while it still grows in steps.
const SECONDS = wholeNumber(flags.seconds, 180, "seconds", HELP);
const CONNECTIONS = wholeNumber(flags.connections, 64, "connections", HELP);
const ARTICLES = wholeNumber(flags.articles, 1000, "articles", HELP);
const PORT = 3350;
const SITE_URL = `http://127.0.0.1:${PORT}`;
const OUT = path.resolve("bench-results", "loadtest");

const rssOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

type Outcome = "ok" | "refused" | "notAccepted" | "broken";

/**
 * One request on its own connection. "refused": the server no longer listens; "notAccepted": the
 * connection closed before any answer, as a stopping server does with connections whose request
 * it has not read; "broken": an answer that started and did not finish, or was not a 200.
 */
function oneRequest(url: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let answered = false;
    const request = http.get(url, { headers: { Connection: "close" } }, (response) => {
      answered = true;
      response.resume();
      response.on("end", () => resolve(response.statusCode === 200 && response.complete ? "ok" : "broken"));
      response.on("error", () => resolve("broken"));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) resolve("broken");
      else resolve(error.code === "ECONNREFUSED" ? "refused" : "notAccepted");
    });
  });
}

async function gracefulShutdown(env: NodeJS.ProcessEnv, paths: string[], tree: string) {
  const server = await startNext(PORT, env, tree);
  const counts: Record<Outcome, number> = { ok: 0, refused: 0, notAccepted: 0, broken: 0 };
  let stopping = false;
  const workers = Array.from({ length: 32 }, async () => {
    while (!stopping || counts.refused === 0) {
      const result = await oneRequest(`${SITE_URL}${paths[Math.floor(Math.random() * paths.length)]}`);
      counts[result] += 1;
      if (result === "refused") return;
    }
  });
  await sleep(1500);
  const exited = new Promise<number | null>((resolve) =>
    server.process.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + 15 : null))),
  );
  stopping = true;
  process.kill(server.process.pid!, "SIGTERM");
  const exitCode = await Promise.race([exited, sleep(15_000).then(() => "timeout" as const)]);
  await Promise.all(workers.map((worker) => Promise.race([worker, sleep(5_000)])));
  if (exitCode === "timeout") await stopGroup(server.process, "SIGKILL");
  return { ...counts, exitCode };
}

type Request = { method: "GET" | "POST" | "DELETE"; path: string };

/** The site built from generated articles in a scratch copy: the checkout's own .next/ and .content/ stay the user's site. */
async function buildLoadtestSite() {
  const contentDir = path.resolve(".fixtures", `loadtest-${ARTICLES}`);
  log(`writing ${ARTICLES} generated articles and building the site`);
  await writeFixtureTree({ out: contentDir, articles: ARTICLES, seed: 7 });
  const env = { ...process.env, CONTENT_DIR: contentDir, SITE_URL, NEXT_TELEMETRY_DISABLED: "1" };
  const tree = await makeScratchTree(path.join(OUT, "site"));
  await measure("npm", ["run", "build"], env, path.join(OUT, "build.log"), tree);
  const bundle = await readJson<ContentBundle>(path.join(tree, ".content", "bundle.json"));
  const now = Date.now();
  const articles = bundle.articles.filter((a) => a.status === "published" && Date.parse(a.publishedAt) <= now).slice(0, 200);
  return { env, tree, bundle, articles };
}

/** What readers and crawlers ask for: every kind of page, feed and sitemap, and a few searches. */
function goodRequests(bundle: ContentBundle, articles: Article[]): Request[] {
  return [
    ...articles.map((a) => articlePath(a)),
    ...Array(40).fill(homePath()),
    ...bundle.sections.flatMap((s) => [sectionPath(s.path), feedPath(s.path)]),
    ...bundle.sections.filter((s) => !s.path.includes("/")).map((s) => sectionPath(s.path, 2)),
    ...bundle.topics.flatMap((t) => [topicPath(t.slug), topicFeedPath(t.slug)]),
    ...bundle.authors.slice(0, 10).flatMap((a) => [authorPath(a.slug), authorPath(a.slug, 2), authorFeedPath(a.slug)]),
    ...Array(10).fill(feedPath()),
    ...Array(10).fill("/sitemap.xml"),
    ...Array(10).fill("/news-sitemap.xml"),
    "/robots.txt",
    authorsPath(),
    topicsPath(),
    // Search renders on every request: a few, as readers use it, against hundreds of pages.
    searchPath("elecciones"),
    searchPath(articles[0]!.headline),
    searchPath(articles[0]!.headline, 1, "relevancia"),
    searchPath(),
    `${articlePath(articles[0]!)}?utm_source=x&page=2&page=3`,
  ].map((p) => ({ method: "GET" as const, path: p }));
}

/** What scanners and broken clients send: unknown, malformed, oversized and forbidden requests. */
function badRequests(articles: Article[]): Request[] {
  return [
    { method: "GET", path: "/no-existe" },
    { method: "GET", path: `/${articles[0]!.section}/no-existe-${"x".repeat(40)}` },
    { method: "GET", path: "/%E0%A4%A" },
    { method: "GET", path: "/a/%2e%2e/%2e%2e/etc/passwd" },
    { method: "GET", path: `/${"a".repeat(3000)}` },
    { method: "GET", path: "/democracia-y-politica/pagina/-1" },
    { method: "GET", path: "/economia/pagina/99999999999" },
    { method: "GET", path: "/_next/image?url=https%3A%2F%2Fevil.example%2Fx.png&w=768&q=75" },
    { method: "GET", path: "/_next/image?url=%2Fimages%2F2020%2F05%2Fballot-box-shield-network.jpg&w=769&q=75" },
    { method: "GET", path: "/_next/image?url=%2Fimages%2F2020%2F05%2Fballot-box-shield-network.jpg&w=0768&q=075" },
    { method: "GET", path: "/_next/image?url=%2Fimages%2F2020%2F05%2Fballot-box-shield-network.jpg%231&w=768&q=75" },
    { method: "GET", path: "/images/pendiente.jpg" },
    { method: "GET", path: `/%62uscar?q=elecciones` },
    {
      method: "GET",
      path: `${articlePath(articles[2]!).slice(0, -1)}%${articlePath(articles[2]!)
        .charCodeAt(articlePath(articles[2]!).length - 1)
        .toString(16)}`,
    },
    { method: "GET", path: "/package.json" },
    { method: "GET", path: "/api/preview?slug=x&expires=1&signature=y" },
    { method: "POST", path: "/" },
    { method: "DELETE", path: articlePath(articles[1]!) },
    { method: "GET", path: "/_global-error" },
    { method: "GET", path: "/index" },
    { method: "GET", path: topicPath("no-existe") },
    { method: "GET", path: authorFeedPath("no-existe") },
    { method: "GET", path: `${searchPath("x")}&pagina=99999999999&q=%00%ff` },
  ];
}

interface MixResult {
  requests: number;
  seconds: number;
  errors: { socket: number; timeout: number };
  latencyMs: Record<"p50" | "p90" | "p99" | "p999" | "max", number>;
  statuses: Record<string, number>;
}

/**
 * Sends the mix for SECONDS with autocannon, each request drawn at random from it, sampling the
 * server's memory every second.
 */
async function sendMix(mix: Request[], pid: number) {
  const memory: { second: number; rssBytes: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => memory.push({ second: (Date.now() - started) / 1000, rssBytes: rssOf(pid) }), 1000);
  const drawn = () => mix[Math.floor(Math.random() * mix.length)]!;
  const run = await autocannon({
    url: SITE_URL,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    requests: [{ setupRequest: (request) => ({ ...request, ...drawn() }) }],
  });
  clearInterval(sampler);
  const result: MixResult = {
    requests: run.requests.total,
    seconds: run.duration,
    errors: { socket: run.errors - run.timeouts, timeout: run.timeouts },
    latencyMs: { p50: run.latency.p50, p90: run.latency.p90, p99: run.latency.p99, p999: run.latency.p99_9, max: run.latency.max },
    statuses: Object.fromEntries(
      Object.entries(run.statusCodeStats ?? {}).map(([status, stats]) => [status, (stats as { count: number }).count]),
    ),
  };
  return { result, memory, started };
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

async function main() {
  await mkdir(OUT, { recursive: true });
  const { env, tree, bundle, articles } = await buildLoadtestSite();
  const good = goodRequests(bundle, articles);
  const bad = badRequests(articles);
  const mix = [...good, ...bad, ...bad];

  log("starting the site's server");
  const server = await startNext(PORT, env, tree);
  const pid = server.process.pid!;
  try {
    await autocannon({ url: `${SITE_URL}/`, connections: 16, duration: 5 });
    const before = rssOf(pid);
    log(`sending a mix of ${good.length} good and ${bad.length} bad requests at ${CONNECTIONS} connections for ${SECONDS} s`);
    const { result, memory, started } = await sendMix(mix, pid);
    const after = rssOf(pid);
    const half = memory.filter((sample) => sample.second >= SECONDS / 2);
    const midRss = half[0]?.rssBytes ?? before;
    const growth = (Math.max(...half.map((s) => s.rssBytes)) - midRss) / midRss;
    const serverErrors = Object.entries(result.statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0);
    const connectionErrors = result.errors.socket + result.errors.timeout;

    await stopGroup(server.process);
    log("checking that SIGTERM lets requests in flight finish");
    const shutdown = await gracefulShutdown(
      env,
      good.slice(0, 50).map((request) => request.path),
      tree,
    );

    const checks = [
      { ok: serverErrors === 0, text: `no 5xx responses (${serverErrors})` },
      { ok: connectionErrors === 0, text: `no connection errors (${JSON.stringify(result.errors)})` },
      { ok: growth < 0.1, text: `memory settles: growth over the last half ${(growth * 100).toFixed(1)}% (< 10%)` },
      {
        ok: shutdown.broken === 0 && shutdown.exitCode !== "timeout",
        text: `SIGTERM: ${shutdown.ok} requests answered in full, ${shutdown.broken} cut off in flight, ${shutdown.notAccepted} closed unread and new ones refused; exit ${shutdown.exitCode}`,
      },
    ];
    const report = [
      `# Load test, ${new Date(started).toISOString()}`,
      "",
      `${result.requests} requests in ${result.seconds.toFixed(1)} s (${(result.requests / result.seconds).toFixed(0)} req/s) from autocannon, ${CONNECTIONS} connections, a mix of ${good.length} good and ${bad.length} bad requests (bad ones weighted twice).`,
      "",
      `Latency: p50 ${result.latencyMs.p50!.toFixed(1)} ms, p90 ${result.latencyMs.p90!.toFixed(1)} ms, p99 ${result.latencyMs.p99!.toFixed(1)} ms, p99.9 ${result.latencyMs.p999!.toFixed(1)} ms, max ${result.latencyMs.max!.toFixed(1)} ms.`,
      "",
      `Status codes: ${Object.entries(result.statuses)
        .sort()
        .map(([status, count]) => `${status}: ${count}`)
        .join(", ")}.`,
      "",
      `Server memory (RSS): ${mb(before)} before, ${mb(midRss)} at half time, ${mb(after)} after.`,
      "",
      ...checks.map((check) => `- ${check.ok ? "✓" : "✗"} ${check.text}`),
      "",
    ].join("\n");
    await writeFile(path.join(OUT, "latest.md"), report);
    await writeFile(path.join(OUT, "latest.json"), JSON.stringify({ result, memory, before, after, growth, shutdown, checks }, null, 2));
    console.log(`\n${report}`);
    if (checks.some((check) => !check.ok)) process.exitCode = 1;
  } finally {
    await stopGroup(server.process);
  }
}

await main();
