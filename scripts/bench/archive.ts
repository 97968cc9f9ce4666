/**
 * The archive at scale (bench step 6): what a large archive costs the site once it is built. It
 * asks for every list page and a random sample of articles the build did not prerender, as a
 * crawler would, and records the server's memory after, the latency of those first requests and
 * of the same requests again (stored by then), the search's latency (the search alone, in the
 * built tree, and its page, beside the page with no query), the time to load the search index,
 * and the sitemap index.
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ContentBundle } from "../../lib/content/bundle";
import { loadSearchIndex } from "../../lib/search/index";
import { pageCount } from "../../lib/pagination";
import { articlePath, authorPath, searchPath, sectionPath, sitemapPath, topicPath, type SearchOrder } from "../../lib/urls";
import { groupRss, readJson } from "./tools";

export interface Latency {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

export interface ArchiveResult {
  listPages: Latency;
  /** Articles the build did not prerender, each asked for the first time. */
  firstRequests: Latency;
  /** The same articles again, stored by then. */
  storedRequests: Latency;
  serverRssBytes: number;
  /** The search alone, as the server runs it for each query (scripts/bench/search-timing.ts). */
  searchQuery?: { p50Ms: number; p99Ms: number };
  /** The search page for each query, and with no query: what rendering the page costs without any search. */
  search: Latency;
  searchForm?: Latency;
  searchIndexLoadMs: number;
  sitemap: { files: number; urls: number; largestFile: number };
}

/** Requests asked at once: one a core, as a crawler that keeps to one connection a core would. */
const CONCURRENCY = 2;
const SAMPLED_ARTICLES = 2000;
const SEARCHES = 200;
const SEARCH_WORDS = ["elecciones", "gobierno", "reforma", "europa", "empleo", "salud", "vivienda", "mercados", "cine", "libros"];

/** Whole words, prefixes and two-word queries, by date and by relevance. */
export const benchSearches = (): { query: string; order: SearchOrder }[] =>
  Array.from({ length: SEARCHES }, (_, index) => {
    const word = SEARCH_WORDS[index % SEARCH_WORDS.length]!;
    const query =
      index % 3 === 0 ? word.slice(0, 4) : index % 3 === 1 ? word : `${word} ${SEARCH_WORDS[(index + 3) % SEARCH_WORDS.length]}`;
    return { query, order: index % 2 === 0 ? "recientes" : "relevancia" };
  });

export const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;

/** Asks for every address, CONCURRENCY at a time, and times each answer, body and all. */
export async function timeRequests(origin: string, addresses: string[]): Promise<Latency> {
  const times: number[] = [];
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < addresses.length) {
      const address = addresses[next++]!;
      const started = performance.now();
      const response = await fetch(`${origin}${address}`, { headers: { "Accept-Encoding": "gzip" } });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (response.status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  times.sort((a, b) => a - b);
  return { requests: times.length, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99), failures };
}

/** Every page of every list: sections, subsections, authors and topics, by their public articles. */
export function listPageAddresses(bundle: ContentBundle, now: number): string[] {
  const published = bundle.articles.filter((article) => article.status === "published" && Date.parse(article.publishedAt) <= now);
  const count = (keep: (article: ContentBundle["articles"][number]) => boolean) => pageCount(published.filter(keep).length);
  const pages = (total: number, pathOf: (page: number) => string) => Array.from({ length: total }, (_, index) => pathOf(index + 1));
  return [
    ...bundle.sections.flatMap((section) =>
      pages(
        count((article) => article.section === section.path || article.section.startsWith(`${section.path}/`)),
        (page) => sectionPath(section.path, page),
      ),
    ),
    ...bundle.authors.flatMap((author) =>
      pages(
        count((article) => article.authors.includes(author.slug)),
        (page) => authorPath(author.slug, page),
      ),
    ),
    ...bundle.topics.flatMap((topic) =>
      pages(
        count((article) => article.topics?.includes(topic.slug) ?? false),
        (page) => topicPath(topic.slug, page),
      ),
    ),
  ];
}

/** A fixed sample of the public articles older than those the build prerendered (its record). */
function archiveSample(bundle: ContentBundle, now: number): string[] {
  const prerendered = bundle.prerender.articles;
  const older = bundle.articles
    .filter((article) => article.status === "published")
    .slice(prerendered)
    .filter((article) => Date.parse(article.publishedAt) <= now);
  const step = Math.max(1, Math.floor(older.length / SAMPLED_ARTICLES));
  return older
    .filter((_, index) => index % step === 0)
    .slice(0, SAMPLED_ARTICLES)
    .map(articlePath);
}

const urlCount = (sitemap: string) => (sitemap.match(/<url>/g) ?? []).length;

/**
 * The sitemap index and each sitemap it lists: how many files, URLs, and the most in one file.
 * A site whose URLs fit in one sitemap serves it whole at the index's address: one file.
 */
async function sitemapCounts(origin: string) {
  const index = await (await fetch(`${origin}${sitemapPath()}`)).text();
  const files = [...index.matchAll(/<sitemap>\s*<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc!).pathname);
  if (files.length === 0) return { files: 1, urls: urlCount(index), largestFile: urlCount(index) };
  let urls = 0;
  let largestFile = 0;
  for (const file of files) {
    const count = urlCount(await (await fetch(`${origin}${file}`)).text());
    urls += count;
    largestFile = Math.max(largestFile, count);
  }
  return { files: files.length, urls, largestFile };
}

export async function measureArchive(origin: string, tree: string, serverPgid: number): Promise<ArchiveResult> {
  const bundle = await readJson<ContentBundle>(path.join(tree, ".content", "bundle.json"));
  const now = Date.now();
  const listPages = await timeRequests(origin, listPageAddresses(bundle, now));
  const sample = archiveSample(bundle, now);
  const firstRequests = await timeRequests(origin, sample);
  const storedRequests = await timeRequests(origin, sample);
  const serverRssBytes = groupRss(serverPgid);
  const search = await timeRequests(
    origin,
    benchSearches().map(({ query, order }) => searchPath(query, 1, order)),
  );
  const searchForm = await timeRequests(
    origin,
    Array.from({ length: SEARCHES }, () => searchPath()),
  );
  const searchQuery = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/search-timing.ts"], {
      cwd: tree,
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production" },
    }),
  ) as ArchiveResult["searchQuery"];
  const started = performance.now();
  loadSearchIndex(await readFile(path.join(tree, ".content", "search-index.json"), "utf8"));
  const searchIndexLoadMs = performance.now() - started;
  return {
    listPages,
    firstRequests,
    storedRequests,
    serverRssBytes,
    searchQuery,
    search,
    searchForm,
    searchIndexLoadMs,
    sitemap: await sitemapCounts(origin),
  };
}
