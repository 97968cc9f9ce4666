/**
 * `npm run bench [-- --articles 10000] [--check] [--quick]`: builds the site from generated
 * fixtures, serves it with the site's server (scripts/serve.ts) and measures, side by side in one run:
 *   1. throughput and p50/p99 latency of an article, the home page and a section page, next to
 *      nginx serving the very same HTML from disk and to a bare App Router page (and, to show
 *      what Next.js itself charges for route shape and page weight, to bare pages prerendered
 *      on the article's dynamic segments: one as light as the bare page, one about as heavy as
 *      the article, the latter also from a server that has rendered a page on request, as the
 *      site's has);
 *   2. the same through the recommended nginx cache in front of it (deploy/nginx);
 *   3. the JavaScript each page type loads, next to the bare page's (the framework floor);
 *   4. build time, content compile time, peak memory and output size for 1,000 and 10,000
 *      articles and the served size (`--articles 100000` for an archive);
 *   5. Lighthouse mobile scores for the article and home pages;
 *   6. the archive at scale: every list page and 2,000 archive articles asked for, the server's
 *      memory after, first and stored requests' latency, search latency, the sitemap index
 *      (scripts/bench/archive.ts).
 * Writes bench-results/latest.{json,md}. With --check, exits 1 when a budget is missed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import type { ContentBundle } from "../lib/content/bundle";
import { storedPagesDirs } from "../lib/page-output";
import { searchPath } from "../lib/urls";
import {
  cpuMicrosecondsPerRequest,
  directoryBytes,
  ensureDebianTools,
  fetchWithRetry,
  log,
  mean,
  measure,
  readJson,
  sum,
  wrk,
  wrkServer,
  type LoadResult,
  type ServerLoadResult,
} from "./bench/tools";
import { CHROMIUM_FLAGS, chromiumPath } from "./chromium";
import { failUsage, readCommandLine, wholeNumber } from "./command-line";
import { writeFixtureTree } from "./fixtures";
import { measureArchive, type ArchiveResult } from "./bench/archive";
import {
  LIGHTHOUSE_RUNS,
  RUNS_DIR,
  reportMarkdown,
  writePerformanceDoc,
  type BuildResult,
  type LighthouseResult,
  type LoadSummary,
  type Report,
} from "./bench/report";
import { makeScratchTree } from "./scratch-tree";
import { sleep, startNext, startNginx, startRecommendedProxy, type Server } from "./servers";

const HELP = `usage: npm run bench -- [--articles N] [--check] [--quick]

Builds the site from generated fixtures in a scratch tree and measures it beside nginx and
Next.js's bare page; writes bench-results/.

  --articles N  articles in the served build (default 1000)
  --check       exit 1 when a budget is missed
  --quick       build the served size alone, not 1,000 and 10,000 too
  --node PATH   the Node.js binary the site and the bare pages are served with (default: the
                one running the bench; builds always use it)`;
const { values: flags } = readCommandLine({
  help: HELP,
  options: { articles: { type: "string" }, check: { type: "boolean" }, quick: { type: "boolean" }, node: { type: "string" } },
});
const SERVED_ARTICLES = wholeNumber(flags.articles, 1000, "articles", HELP);
const CHECK = flags.check === true;
const QUICK = flags.quick === true;
const SERVER_NODE = flags.node ?? process.execPath;
const SERVER_NODE_VERSION = nodeVersion(SERVER_NODE);

/** The version of a Node.js binary, as `node --version` prints it; a usage error if it is none. */
function nodeVersion(binary: string): string {
  try {
    const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
    if (/^v\d+\.\d+\.\d+$/.test(version)) return version;
  } catch {
    // reported below
  }
  return failUsage(`--node ${binary} is no Node.js binary this machine can run`, HELP);
}
// Short rounds, many times over: a neighbour's burst on this shared machine then falls on every
// target alike rather than on whichever one was being measured.
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/** Unmeasured load on a Node server right before each of its rounds. */
const ROUND_WARMING_SECONDS = 4;

const ROOT = process.cwd();
const OUT = path.join(ROOT, "bench-results");
const WORK = path.join(OUT, "work");
const PORTS = { site: 3300, bare: 3301, bareAfterRender: 3302, siteNeverRendered: 3303, static: 3310, proxy: 3320 };
const SITE_URL = `http://127.0.0.1:${PORTS.site}`;
const BARE_APP = "scripts/bench/bare-app";
const BARE_ARTICLE_SHAPED = "bare page shaped like the article";
const BARE_ON_ARTICLE_ROUTE = "bare page on the article's route";
const BARE_AFTER_RENDER = "bare page shaped like the article, after a page rendered on request";
const SITE_NEVER_RENDERED = "site: article, from a server that has rendered no page on request";
const SEARCH_CONNECTIONS = 8;
const SEARCH = `site: search (${SEARCH_CONNECTIONS} connections)`;

const BUDGETS = {
  /** Every page: the back-to-top file and nothing else (lib/page-output.ts). */
  pageJsGzipBytes: 2 * 1024,
  articleHtmlGzipBytes: 8 * 1024,
  /**
   * Against Next.js's own bare page on the same dynamic route, with the article's text, server for
   * server: both before any render on request, and both after one.
   */
  articleThroughputVsBareOnRoute: 0.9,
  lighthouse: { performance: 0.99, accessibility: 1, "best-practices": 1, seo: 1 },
  lighthouseLcpMs: 1500,
  lighthouseTbtMs: 100,
  proxyVsNginxStatic: 0.8,
  proxyArticleP99Ms: 10,
  buildGrowth10kVs1k: 10,
  buildPeakMemoryBytes: 4 * 1024 ** 3,
  /** Issue 29's figures for an archive: they hold at any size, and matter at 100,000. */
  compileSeconds: 10 * 60,
  buildSeconds: 30 * 60,
  serverRssAfterArchiveBytes: 1024 ** 3,
  buildWorkerRssBytes: 1024 ** 3,
  searchQueryP99Ms: 50,
  searchIndexLoadMs: 1000,
  urlsPerSitemap: 50_000,
};

async function buildSite(articles: number): Promise<BuildResult> {
  const contentDir = path.join(WORK, `content-${articles}`);
  log(`writing ${articles} generated articles to ${path.relative(ROOT, contentDir)}`);
  await writeFixtureTree({ out: contentDir, articles, seed: 42 });
  const tree = await makeScratchTree(path.join(WORK, `site-${articles}`));
  log(`building the site with ${articles} articles (npm run build) in ${path.relative(ROOT, tree)}…`);
  const env = { ...process.env, CONTENT_DIR: contentDir, SITE_URL, NEXT_TELEMETRY_DISABLED: "1" };
  const logFile = path.join(WORK, `build-${articles}.log`);
  const result = await measure("npm", ["run", "build"], env, logFile, tree);
  log(`built ${articles} articles in ${result.seconds.toFixed(1)} s, peak memory ${(result.peakRssBytes / 1024 ** 2).toFixed(0)} MB`);
  const compiled = /✓ content OK: .* in ([\d.]+) s/.exec(await readFile(logFile, "utf8"));
  const outputBytes = directoryBytes(path.join(tree, ".next")) + directoryBytes(path.join(tree, ".content"));
  return {
    articles,
    ...result,
    compileSeconds: compiled ? Number(compiled[1]) : undefined,
    outputBytes,
    secondsPerArticle: result.seconds / articles,
    tree,
    contentDir,
  };
}

/** The files at these addresses of a page, counted and weighed raw and gzip -9. */
async function weigh(url: string, sources: string[]) {
  let raw = 0;
  let gzip = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetchWithRetry(new URL(source, url))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { rawBytes: raw, gzipBytes: gzip };
}

/**
 * What a page's HTML makes the browser download besides: every script (module scripts only:
 * modern browsers skip noModule) and every stylesheet, which blocks the first paint.
 */
async function assetsOf(url: string) {
  const html = await (await fetchWithRetry(url)).text();
  const scripts = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)]
    .filter((match) => !/nomodule/i.test(match[1]! + match[3]!))
    .map((match) => match[2]!);
  const stylesheets = [...html.matchAll(/<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]!);
  return {
    javascript: { scripts: scripts.length, ...(await weigh(url, scripts)) },
    stylesheets: { stylesheets: stylesheets.length, ...(await weigh(url, stylesheets)) },
  };
}

/** Requests an article page makes, by origin: all of them must stay on the site's own. */
async function foreignRequests(url: string): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage();
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await page.goto(url, { waitUntil: "networkidle" });
    await page.mouse.wheel(0, 5000);
    await sleep(500);
    return urls.filter((request) => !request.startsWith("data:") && new URL(request).origin !== new URL(url).origin);
  } finally {
    await browser.close();
  }
}

/** Lighthouse's default mobile run, five times a page (its docs' advice against variance). */
function lighthouseOnce(url: string): LighthouseResult {
  const runOnce = () =>
    spawnSync(
      "node_modules/.bin/lighthouse",
      [
        url,
        "--only-categories=performance,accessibility,best-practices,seo",
        "--output=json",
        "--quiet",
        `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}`,
      ],
      { encoding: "utf8", maxBuffer: 128 * 1024 ** 2, env: { ...process.env, CHROME_PATH: chromiumPath() } },
    );
  let result = runOnce();
  // Lighthouse now and then loses the trace of a load (NO_NAVSTART, "run Lighthouse again"): a second try, not a failed bench.
  for (let retry = 0; result.status !== 0 && retry < 2; retry++) {
    log(`Lighthouse run failed (${result.stderr.trim().split("\n").at(-1)?.slice(0, 160)}); running it again`);
    result = runOnce();
  }
  if (result.status !== 0) throw new Error(`lighthouse failed: ${result.stderr.slice(0, 500)}`);
  const report = JSON.parse(result.stdout);
  const score = (id: string) => report.categories[id].score as number;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
    lcpMs: report.audits["largest-contentful-paint"].numericValue,
    cls: report.audits["cumulative-layout-shift"].numericValue,
    tbtMs: report.audits["total-blocking-time"].numericValue,
  };
}

/**
 * Every page once a round, as the load rounds do, so a busy spell of the shared machine lowers
 * every page's score alike; the median run of each page by performance score.
 */
function lighthouse<Page extends string>(urls: Record<Page, string>): Record<Page, LighthouseResult> {
  const pages = Object.entries(urls) as [Page, string][];
  const runs = pages.map(() => [] as LighthouseResult[]);
  for (let round = 0; round < LIGHTHOUSE_RUNS; round++) pages.forEach(([, url], index) => runs[index]!.push(lighthouseOnce(url)));
  const median = (results: LighthouseResult[]) => results.sort((a, b) => a.performance - b.performance)[Math.floor(LIGHTHOUSE_RUNS / 2)]!;
  return Object.fromEntries(pages.map(([page], index) => [page, median(runs[index]!)])) as Record<Page, LighthouseResult>;
}

/** A load result, with the CPU its server used when it is one of the Node servers. */
type Sample = LoadResult | ServerLoadResult;
const hasServerCpu = (result: Sample): result is ServerLoadResult => "serverCpuSeconds" in result;

const meanLoad = (results: Sample[]): LoadSummary => ({
  requests: sum(results.map((r) => r.requests)),
  ...(results.every(hasServerCpu) ? { serverCpuMicrosecondsPerRequest: cpuMicrosecondsPerRequest(results) } : {}),
  requestsPerSecond: mean(results.map((r) => r.requestsPerSecond)),
  p50Ms: mean(results.map((r) => r.p50Ms)),
  p99Ms: mean(results.map((r) => r.p99Ms)),
  non2xx: sum(results.map((r) => r.non2xx)),
  errors: sum(results.map((r) => r.errors)),
});

/** The commit the bench measures, marked when the working tree has changes beyond it. */
function measuredCommit(): string | undefined {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const changed = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim() !== "";
    return changed ? `${commit} + changes` : commit;
  } catch {
    return undefined;
  }
}

/** Builds the site in scratch copies (4. Builds): the served size, and 1,000 and 10,000 unless --quick. */
async function buildAll() {
  const sizes = QUICK ? [SERVED_ARTICLES] : [...[1000, 10000].filter((size) => size !== SERVED_ARTICLES), SERVED_ARTICLES];
  const builds: BuildResult[] = [];
  for (const size of sizes) builds.push(await buildSite(size));
  return { builds, served: builds.find((build) => build.articles === SERVED_ARTICLES)! };
}

/** The newest public article of the served build, and the pages measured. */
async function measuredPages(served: BuildResult) {
  const bundle = await readJson<ContentBundle>(path.join(served.tree, ".content", "bundle.json"));
  const now = Date.now();
  const article = bundle.articles.find((a) => a.status === "published" && Date.parse(a.publishedAt) <= now)!;
  const pages = { article: `/${article.section}/${article.slug}`, home: "/", section: `/${article.section.split("/")[0]}` };
  return { article, pages };
}

type Pages = Awaited<ReturnType<typeof measuredPages>>["pages"];

/**
 * Builds Next.js's bare App Router pages, the framework's floor; the article-shaped one carries as
 * many characters as the article. Built from a copy outside the repository, so that nothing of the
 * site's (its next.config.ts, its tsconfig paths) is compiled into the bare page.
 */
async function buildBareApp(fillerCharacters: number): Promise<string> {
  log("building the bare App Router pages (the framework's floor)");
  const bareApp = await mkdtemp(path.join(tmpdir(), "gaceta-bare-app-"));
  await cp(BARE_APP, bareApp, { recursive: true, filter: (source) => !source.split(path.sep).includes(".next") });
  await symlink(path.join(ROOT, "node_modules"), path.join(bareApp, "node_modules"), "dir");
  const bareBuild = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build", bareApp], {
    cwd: bareApp,
    encoding: "utf8",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      BARE_FILLER_CHARACTERS: String(fillerCharacters),
      BARE_APP_WORKSPACE_ROOT: path.parse(bareApp).root,
    },
  });
  if (bareBuild.status !== 0) {
    await rm(bareApp, { recursive: true, force: true });
    throw new Error(bareBuild.stderr || bareBuild.stdout);
  }
  return bareApp;
}

/** The site, the bare page, nginx serving the site's HTML from disk, and the recommended nginx cache. */
async function startServers(served: BuildResult, bareApp: string, pages: Pages, servers: Server[]) {
  log("starting the site's server and the bare page's next start");
  const site = await startNext(PORTS.site, { ...process.env, SITE_URL, CONTENT_DIR: served.contentDir }, served.tree, SERVER_NODE);
  servers.push(site);
  const bare = await startNext(PORTS.bare, process.env, bareApp, SERVER_NODE);
  servers.push(bare);
  // The same build in the state of every server that renders pages on request, as the site's
  // search does: on Node 20, Next.js's first render on request turns on async hooks for every
  // later request of the process (docs/performance.md). The site's server is in that state from
  // its start, when it warms its search.
  const bareAfterRender = await startNext(PORTS.bareAfterRender, process.env, bareApp, SERVER_NODE);
  servers.push(bareAfterRender);
  await (await fetchWithRetry(`${bareAfterRender.url}/rendered`)).arrayBuffer();
  // And the site's server in the bare page's first state: no warming search, and asked for
  // nothing but prerendered pages, so that each budget ratio sets like beside like.
  const siteNeverRendered = await startNext(
    PORTS.siteNeverRendered,
    { ...process.env, SITE_URL, CONTENT_DIR: served.contentDir },
    served.tree,
    SERVER_NODE,
    ["--no-warming"],
  );
  servers.push(siteNeverRendered);

  log("saving the site's HTML for nginx to serve from disk");
  const htmlRoot = path.join(WORK, "html");
  for (const pagePath of Object.values(pages)) {
    const file = path.join(htmlRoot, pagePath === "/" ? "index.html" : `${pagePath}.html`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, Buffer.from(await (await fetchWithRetry(`${site.url}${pagePath}`)).arrayBuffer()));
  }
  const nginxStatic = await startNginx(
    path.join(WORK, "nginx-static"),
    `  server {\n    listen 127.0.0.1:${PORTS.static};\n    root ${htmlRoot};\n    open_file_cache max=10000 inactive=60s;\n    location / { try_files $uri $uri.html $uri/index.html =404; }\n  }`,
    PORTS.static,
  );
  servers.push(nginxStatic);

  log("starting nginx with the recommended cache in front of the site (deploy/nginx/gaceta.conf)");
  const proxy = await startRecommendedProxy(path.join(WORK, "nginx-proxy"), { upstreamPort: PORTS.site, port: PORTS.proxy });
  servers.push(proxy);
  return { site, bare, bareAfterRender, siteNeverRendered, nginxStatic, proxy };
}

type Servers = Awaited<ReturnType<typeof startServers>>;

/** The proxy honours the site's caching, and serves pages to made-up cookies and RSC requests. */
async function checkProxy(proxy: Server, pages: Pages) {
  const cacheStatus = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetchWithRetry(url, { headers, redirect: "manual" });
    await response.arrayBuffer();
    return {
      status: response.headers.get("x-cache-status"),
      type: response.headers.get("content-type"),
      cacheControl: response.headers.get("cache-control"),
    };
  };
  await cacheStatus(`${proxy.url}${pages.article}`);
  return {
    articleCached: (await cacheStatus(`${proxy.url}${pages.article}`)).status === "HIT",
    // A made-up draft-mode cookie walks past nothing: only a well-formed preview does.
    forgedDraftCookieCached: (await cacheStatus(`${proxy.url}${pages.article}`, { Cookie: "__prerender_bypass=1" })).status === "HIT",
    rscKeptApart: await (async () => {
      await cacheStatus(`${proxy.url}${pages.article}?_rsc`, { RSC: "1" });
      // Without its _rsc parameter, an RSC request is answered with a redirect, not to be kept.
      await cacheStatus(`${proxy.url}${pages.section}`, { RSC: "1" });
      const pagesAsHtml = await Promise.all([pages.article, pages.section].map((page) => cacheStatus(`${proxy.url}${page}`)));
      return pagesAsHtml.every((html) => html.type?.startsWith("text/html") ?? false);
    })(),
  };
}

/** 1 and 2. Load, in interleaved rounds so the machine's noise falls on every target alike; then search. */
async function measureLoad(
  { site, bare, bareAfterRender, siteNeverRendered, nginxStatic, proxy }: Servers,
  pages: Pages,
  headline: string,
) {
  // The budget's four targets run one after the other in each round: the machine's speed drifts
  // over tens of seconds, and the article's ratios are fairest to pages measured moments apart.
  const targets: Record<string, string> = {
    [SITE_NEVER_RENDERED]: `${siteNeverRendered.url}${pages.article}`,
    [BARE_ARTICLE_SHAPED]: `${bare.url}/seccion/subseccion/articulo`,
    "site: article": `${site.url}${pages.article}`,
    [BARE_AFTER_RENDER]: `${bareAfterRender.url}/seccion/subseccion/articulo`,
    "site: home": `${site.url}${pages.home}`,
    "site: section": `${site.url}${pages.section}`,
    "bare App Router page": `${bare.url}/`,
    [BARE_ON_ARTICLE_ROUTE]: `${bare.url}/seccion/subseccion/breve`,
    "nginx static: article": `${nginxStatic.url}${pages.article}`,
    "nginx static: home": `${nginxStatic.url}${pages.home}`,
    "nginx static: section": `${nginxStatic.url}${pages.section}`,
    "nginx cache → next: article": `${proxy.url}${pages.article}`,
    "nginx cache → next: home": `${proxy.url}${pages.home}`,
    "nginx cache → next: section": `${proxy.url}${pages.section}`,
  };
  const htmlBytes: Record<string, number> = {};
  for (const [name, url] of Object.entries(targets)) htmlBytes[name] = (await (await fetchWithRetry(url)).arrayBuffer()).byteLength;
  // The Node servers, whose CPU each round measures alongside wrk's figures.
  const ownServers: Record<string, Server> = { [SITE_NEVER_RENDERED]: siteNeverRendered, [BARE_AFTER_RENDER]: bareAfterRender };
  const nextServerOf = (name: string) => ownServers[name] ?? (name.startsWith("site:") ? site : name.startsWith("bare") ? bare : undefined);
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (const [name, url] of Object.entries(targets)) {
    log(`warming ${name}`);
    wrk(url, 3);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, url] of Object.entries(targets)) {
      const server = nextServerOf(name);
      // A Node server has stood idle while the other targets ran, and its first seconds of load
      // after a minute idle cost up to twice the CPU a request of steady load (docs/performance.md).
      if (server) wrk(url, ROUND_WARMING_SECONDS);
      const result: Sample = server ? wrkServer(url, LOAD_SECONDS, server.process.pid!) : wrk(url, LOAD_SECONDS);
      samples[name]!.push(result);
      const cpu = hasServerCpu(result) ? `, server CPU ${cpuMicrosecondsPerRequest([result]).toFixed(0)} µs a request` : "";
      log(
        `round ${round}/${ROUNDS} ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms${cpu}`,
      );
    }
  }
  const load: Record<string, LoadSummary> = Object.fromEntries(Object.entries(samples).map(([name, results]) => [name, meanLoad(results)]));
  // Not a budget: the one page rendered per request, searching for the article's headline (every
  // word required). After the rounds, so the queue of slow renders cannot spill into them, and
  // with fewer connections, so it measures the page rather than the length of that queue.
  const searchUrl = `${site.url}${searchPath(headline)}`;
  htmlBytes[SEARCH] = (await (await fetchWithRetry(searchUrl)).arrayBuffer()).byteLength;
  wrk(searchUrl, 3, SEARCH_CONNECTIONS);
  load[SEARCH] = wrk(searchUrl, LOAD_SECONDS, SEARCH_CONNECTIONS);
  log(
    `${SEARCH}: ${load[SEARCH].requestsPerSecond.toFixed(0)} req/s, p50 ${load[SEARCH].p50Ms.toFixed(2)} ms, p99 ${load[SEARCH].p99Ms.toFixed(2)} ms`,
  );
  return { load, htmlBytes };
}

/** The same run's ratios, by throughput and by the server's CPU a request. */
function loadRatios(load: Record<string, LoadSummary>) {
  const rps = (name: string) => load[name]!.requestsPerSecond;
  const ratios = {
    "article: site / bare page": rps("site: article") / rps("bare App Router page"),
    "home: site / bare page": rps("site: home") / rps("bare App Router page"),
    "section: site / bare page": rps("site: section") / rps("bare App Router page"),
    // Not budgets: how much of the gap is the framework's (for a dynamic route, then for the
    // article's weight on it), how much the site's own.
    "bare page on the article's route / bare page": rps(BARE_ON_ARTICLE_ROUTE) / rps("bare App Router page"),
    "bare article-shaped page / bare page": rps(BARE_ARTICLE_SHAPED) / rps("bare App Router page"),
    // The budget, server for server: both before any render on request, and both after one.
    "article: site / bare article-shaped page, neither having rendered on request": rps(SITE_NEVER_RENDERED) / rps(BARE_ARTICLE_SHAPED),
    "article: site / bare article-shaped page, after a render": rps("site: article") / rps(BARE_AFTER_RENDER),
    // Node 20's floor: what a render on request costs every later request, to each server.
    "bare article-shaped page, after a render / before": rps(BARE_AFTER_RENDER) / rps(BARE_ARTICLE_SHAPED),
    "article: site after a render / before": rps("site: article") / rps(SITE_NEVER_RENDERED),
    "article: site / bare article-shaped page": rps("site: article") / rps(BARE_ARTICLE_SHAPED),
    "article: site / nginx static": rps("site: article") / rps("nginx static: article"),
    "home: site / nginx static": rps("site: home") / rps("nginx static: home"),
    "section: site / nginx static": rps("site: section") / rps("nginx static: section"),
    "article: nginx cache / nginx static": rps("nginx cache → next: article") / rps("nginx static: article"),
    "home: nginx cache / nginx static": rps("nginx cache → next: home") / rps("nginx static: home"),
    "section: nginx cache / nginx static": rps("nginx cache → next: section") / rps("nginx static: section"),
    [`${SEARCH} / article`]: rps(SEARCH) / rps("site: article"),
  };
  // The same comparisons by the server's CPU a request, which counts the server's own work only:
  // how many requests the CPU that serves one of the first would serve of the second.
  const cpuPerRequest = (name: string) => load[name]!.serverCpuMicrosecondsPerRequest!;
  const cpuRatios = {
    "article / bare page": cpuPerRequest("bare App Router page") / cpuPerRequest("site: article"),
    "home / bare page": cpuPerRequest("bare App Router page") / cpuPerRequest("site: home"),
    "section / bare page": cpuPerRequest("bare App Router page") / cpuPerRequest("site: section"),
    "bare page on the article's route / bare page": cpuPerRequest("bare App Router page") / cpuPerRequest(BARE_ON_ARTICLE_ROUTE),
    "bare article-shaped page / bare page": cpuPerRequest("bare App Router page") / cpuPerRequest(BARE_ARTICLE_SHAPED),
    "article / bare article-shaped page, neither having rendered on request":
      cpuPerRequest(BARE_ARTICLE_SHAPED) / cpuPerRequest(SITE_NEVER_RENDERED),
    "article / bare article-shaped page, after a render": cpuPerRequest(BARE_AFTER_RENDER) / cpuPerRequest("site: article"),
    "bare article-shaped page, after a render / before": cpuPerRequest(BARE_ARTICLE_SHAPED) / cpuPerRequest(BARE_AFTER_RENDER),
    "article, site after a render / before": cpuPerRequest(SITE_NEVER_RENDERED) / cpuPerRequest("site: article"),
    "article / bare article-shaped page": cpuPerRequest(BARE_ARTICLE_SHAPED) / cpuPerRequest("site: article"),
  };
  return { ratios, cpuRatios };
}

/** 3. The JavaScript and CSS each page type loads, next to the bare page's. */
async function measureAssets({ site, bare }: Servers, pages: Pages) {
  log("measuring the JavaScript and CSS each page type loads");
  const [article, home, section, bareFloor] = [
    await assetsOf(`${site.url}${pages.article}`),
    await assetsOf(`${site.url}${pages.home}`),
    await assetsOf(`${site.url}${pages.section}`),
    await assetsOf(`${bare.url}/`),
  ];
  const each = <Kind extends "javascript" | "stylesheets">(kind: Kind) => ({
    article: article[kind],
    home: home[kind],
    section: section[kind],
    "bare App Router page (floor)": bareFloor[kind],
  });
  const javascript = each("javascript");
  const stylesheets = each("stylesheets");
  const floor = javascript["bare App Router page (floor)"];
  const jsOverFloor = Object.fromEntries(
    (["article", "home", "section"] as const).map((name) => [
      name,
      { rawBytes: javascript[name].rawBytes - floor.rawBytes, gzipBytes: javascript[name].gzipBytes - floor.gzipBytes },
    ]),
  );
  return { javascript, jsOverFloor, stylesheets };
}

interface Measured {
  builds: BuildResult[];
  growth: number | null;
  articleHtmlGzipBytes: number;
  load: Record<string, LoadSummary>;
  ratios: ReturnType<typeof loadRatios>["ratios"];
  javascript: Awaited<ReturnType<typeof measureAssets>>["javascript"];
  lighthouseResults: Record<"article" | "home" | "bare App Router page (floor)", LighthouseResult>;
  proxyChecks: Awaited<ReturnType<typeof checkProxy>>;
  foreign: string[];
  archive: ArchiveResult;
}

/** A budget, met or missed, with its figure. */
const budget = (ok: boolean, text: string) => ({ ok, text });

/**
 * The article beside Next.js's bare page on its route, server for server. On Node 20 a server's
 * first render on request slows every later request (docs/performance.md), so each state is set
 * beside the same state; the cross ratio is reported as that floor, not held to the budget.
 */
function articleThroughputBudget(ratios: ReturnType<typeof loadRatios>["ratios"]) {
  const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
  const before = ratios["article: site / bare article-shaped page, neither having rendered on request"];
  const after = ratios["article: site / bare article-shaped page, after a render"];
  return budget(
    Math.min(before, after) >= BUDGETS.articleThroughputVsBareOnRoute,
    `the site serves the article at ≥ 90% of Next.js's bare page on the same route with its text, server for server ` +
      `(is ${percent(before)} before any render on request, ${percent(after)} after one; Node 20's floor: the bare page ` +
      `after a render makes ${percent(ratios["bare article-shaped page, after a render / before"])} of itself before, ` +
      `so the site after a render ${percent(ratios["article: site / bare article-shaped page"])} of the bare page before)`,
  );
}

/** An archive's figures: compile, build, the server's memory after the crawl, the search, the sitemaps. */
function archiveBudgets(builds: BuildResult[], archive: ArchiveResult) {
  const slowest = (figure: (build: BuildResult) => number) => Math.max(...builds.map(figure));
  const compileSeconds = slowest((b) => b.compileSeconds ?? 0);
  const buildSeconds = slowest((b) => b.seconds);
  const nextProcessBytes = slowest((b) => b.peakNextProcessRssBytes ?? 0);
  const requests = [archive.listPages, archive.firstRequests, archive.storedRequests, archive.search];
  return [
    budget(compileSeconds <= BUDGETS.compileSeconds, `content compile ≤ 10 min (is ${compileSeconds.toFixed(0)} s)`),
    budget(buildSeconds <= BUDGETS.buildSeconds, `build ≤ 30 min (is ${buildSeconds.toFixed(0)} s)`),
    budget(
      nextProcessBytes <= BUDGETS.buildWorkerRssBytes,
      `each Next.js build process ≤ 1 GB (is ${(nextProcessBytes / 1024 ** 2).toFixed(0)} MB at most)`,
    ),
    budget(
      archive.serverRssBytes <= BUDGETS.serverRssAfterArchiveBytes,
      `server ≤ 1 GB after every list page and ${archive.firstRequests.requests} archive articles (is ${(archive.serverRssBytes / 1024 ** 2).toFixed(0)} MB)`,
    ),
    budget(
      archive.searchQuery!.p99Ms <= BUDGETS.searchQueryP99Ms,
      `a search's p99 ≤ 50 ms on the server (is ${archive.searchQuery!.p99Ms.toFixed(1)} ms; its page ${archive.search.p99Ms.toFixed(0)} ms)`,
    ),
    budget(
      archive.searchIndexLoadMs <= BUDGETS.searchIndexLoadMs,
      `search index loads in ≤ 1 s (is ${archive.searchIndexLoadMs.toFixed(0)} ms)`,
    ),
    budget(
      archive.sitemap.largestFile <= BUDGETS.urlsPerSitemap,
      `≤ 50,000 URLs a sitemap (is ${archive.sitemap.largestFile} of ${archive.sitemap.urls})`,
    ),
    budget(
      requests.every((latency) => latency.failures === 0),
      "every list page, archive article and search answered 200",
    ),
  ];
}

/** Each budget, met or missed, with its figure. */
function checkBudgets({
  builds,
  growth,
  articleHtmlGzipBytes,
  load,
  ratios,
  javascript,
  lighthouseResults,
  proxyChecks,
  foreign,
  archive,
}: Measured) {
  return [
    ...archiveBudgets(builds, archive),
    ...(["article", "home", "section"] as const).map((page) =>
      budget(
        javascript[page].gzipBytes <= BUDGETS.pageJsGzipBytes,
        `${page}: all JavaScript ≤ 2 KB gzip (is ${(javascript[page].gzipBytes / 1024).toFixed(2)} KB)`,
      ),
    ),
    budget(
      articleHtmlGzipBytes <= BUDGETS.articleHtmlGzipBytes,
      `article HTML ≤ 8 KB gzip (is ${(articleHtmlGzipBytes / 1024).toFixed(2)} KB)`,
    ),
    articleThroughputBudget(ratios),
    ...(["article", "home"] as const).flatMap((page) => [
      ...Object.entries(BUDGETS.lighthouse).map(([category, minimum]) =>
        budget(
          lighthouseResults[page][category as keyof typeof BUDGETS.lighthouse] >= minimum,
          `Lighthouse ${category} on ${page} ≥ ${minimum * 100} (is ${(lighthouseResults[page][category as keyof typeof BUDGETS.lighthouse] * 100).toFixed(0)})`,
        ),
      ),
      budget(lighthouseResults[page].cls === 0, `CLS 0 on ${page} (is ${lighthouseResults[page].cls})`),
      budget(
        lighthouseResults[page].lcpMs <= BUDGETS.lighthouseLcpMs,
        `LCP ≤ 1.5 s on ${page} (is ${(lighthouseResults[page].lcpMs / 1000).toFixed(2)} s)`,
      ),
      budget(
        lighthouseResults[page].tbtMs <= BUDGETS.lighthouseTbtMs,
        `TBT ≤ 100 ms on ${page} (is ${lighthouseResults[page].tbtMs.toFixed(0)} ms)`,
      ),
    ]),
    budget(
      ratios["article: nginx cache / nginx static"] >= BUDGETS.proxyVsNginxStatic,
      `cached article through nginx at ≥ 80% of nginx static (is ${(ratios["article: nginx cache / nginx static"] * 100).toFixed(0)}%)`,
    ),
    budget(
      load["nginx cache → next: article"]!.p99Ms < BUDGETS.proxyArticleP99Ms,
      `cached article p99 < 10 ms through nginx (is ${load["nginx cache → next: article"]!.p99Ms.toFixed(2)} ms)`,
    ),
    budget(
      proxyChecks.articleCached && proxyChecks.forgedDraftCookieCached && proxyChecks.rscKeptApart,
      `nginx caches pages, also for made-up draft cookies, and keeps RSC apart (${JSON.stringify(proxyChecks)})`,
    ),
    ...(growth === null
      ? []
      : [budget(growth < BUDGETS.buildGrowth10kVs1k, `building 10,000 articles takes < 10× the time of 1,000 (is ${growth.toFixed(2)}×)`)]),
    budget(
      builds.every((b) => b.peakRssBytes < BUDGETS.buildPeakMemoryBytes),
      `build peak memory < 4 GB (max ${(Math.max(...builds.map((b) => b.peakRssBytes)) / 1024 ** 3).toFixed(2)} GB)`,
    ),
    budget(
      foreign.length === 0,
      `no request on the article page leaves the site's origin (${foreign.length} did${foreign.length ? `: ${foreign.slice(0, 3).join(", ")}` : ""})`,
    ),
    budget(
      Object.values(load).every((result) => result.non2xx === 0 && result.errors === 0),
      "every load request answered 2xx without socket errors",
    ),
  ];
}

/** Writes the run's report, its record and docs/performance.md's tables; prints it. */
async function writeReport(report: Report) {
  await writeFile(path.join(OUT, "latest.json"), JSON.stringify(report, null, 2));
  await writeFile(path.join(OUT, "latest.md"), reportMarkdown(report));
  await mkdir(RUNS_DIR, { recursive: true });
  await writeFile(path.join(RUNS_DIR, `${report.startedAt.replace(/[:.]/g, "-")}.json`), JSON.stringify(report, null, 2));
  await writePerformanceDoc();
  console.log(`\n${reportMarkdown(report)}`);
  log(`wrote ${path.relative(ROOT, path.join(OUT, "latest.md"))}, the run's record in ${RUNS_DIR} and docs/performance.md's tables`);
}

async function main() {
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  ensureDebianTools({ wrk: "wrk", nginx: "nginx", ...(process.env.CHROMIUM_PATH ? {} : { chromium: "chromium" }) });
  const startedAt = new Date();
  const { builds, served } = await buildAll();
  const { article, pages } = await measuredPages(served);
  const articleHtml = await readFile(path.join(storedPagesDirs(served.tree).prerendered, `${pages.article}.html`));
  // The bare page on the article's route carries the article's text, as plain paragraphs.
  const bareApp = await buildBareApp(article.bodyAt[1] - article.bodyAt[0] + (article.standfirst?.length ?? 0) + article.headline.length);
  const servers: Server[] = [];
  try {
    const running = await startServers(served, bareApp, pages, servers);
    const proxyChecks = await checkProxy(running.proxy, pages);
    const { load, htmlBytes } = await measureLoad(running, pages, article.headline);
    const { ratios, cpuRatios } = loadRatios(load);
    const { javascript, jsOverFloor, stylesheets } = await measureAssets(running, pages);
    log("checking that the article page requests nothing from another origin");
    const foreign = await foreignRequests(`${running.site.url}${pages.article}`);
    log("6. asking for every list page and a sample of archive articles, then searching");
    const archive = await measureArchive(running.site.url, served.tree, running.site.process.pid!);
    // 5. Lighthouse, after a first visit has filled the image optimizer's cache.
    log(`running Lighthouse (mobile, ${LIGHTHOUSE_RUNS} interleaved rounds, the bare page too)`);
    const lighthouseResults = lighthouse({
      article: `${running.site.url}${pages.article}`,
      home: `${running.site.url}${pages.home}`,
      // Not a budget: what the framework alone scores on this machine, for scale.
      "bare App Router page (floor)": `${running.bare.url}/`,
    });
    const build1k = builds.find((b) => b.articles === 1000);
    const build10k = builds.find((b) => b.articles === 10000);
    const growth = build1k && build10k ? build10k.seconds / build1k.seconds : null;
    const articleHtmlGzipBytes = gzipSync(articleHtml).length;
    const budgets = checkBudgets({
      builds,
      growth,
      articleHtmlGzipBytes,
      load,
      ratios,
      javascript,
      lighthouseResults,
      proxyChecks,
      foreign,
      archive,
    });
    const next = JSON.parse(await readFile("node_modules/next/package.json", "utf8")).version as string;
    await writeReport({
      startedAt: startedAt.toISOString(),
      commit: measuredCommit(),
      machine: { cpus: cpus().length, node: SERVER_NODE_VERSION, next },
      servedArticles: SERVED_ARTICLES,
      pages,
      load: { seconds: LOAD_SECONDS, rounds: ROUNDS, connections: 32, threads: 2, results: load, htmlBytes, ratios, cpuRatios },
      proxyChecks,
      javascript,
      jsOverFloor,
      stylesheets,
      articleHtmlGzipBytes,
      builds,
      buildGrowth10kVs1k: growth,
      lighthouse: lighthouseResults,
      foreignRequests: foreign,
      archive,
      budgets,
    });
    const missed = budgets.filter((b) => !b.ok).map((b) => b.text);
    if (CHECK && missed.length) {
      console.error(`\n✗ ${missed.length} budget${missed.length === 1 ? "" : "s"} missed:\n  - ${missed.join("\n  - ")}`);
      process.exitCode = 1;
    } else if (CHECK) {
      console.log("\n✓ every budget met");
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await rm(bareApp, { recursive: true, force: true });
  }
}

await main();
