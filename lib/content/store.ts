/**
 * The site's read side of the content: the compiled bundle, loaded once per server process, with
 * its lookups (by slug, section path and author) built once at load instead of scanning on every
 * request. Visibility is decided at read time, so a scheduled article appears once its time comes
 * without a rebuild.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { PrerenderLimits } from "../site";
import { closeBodies, openBodies, readBody, type BodiesFile } from "./bodies";
import { BUNDLE_PATH, type Article, type Author, type ContentBundle, type Section, type Topic, type Withdrawal } from "./bundle";

export type { Article, Author, Section, Topic, Withdrawal } from "./bundle";

export type ArticleState = "draft" | "scheduled" | "published";

export function articleState(article: Pick<Article, "status" | "publishedAt">, now = Date.now()): ArticleState {
  if (article.status === "draft") return "draft";
  return Date.parse(article.publishedAt) > now ? "scheduled" : "published";
}

export const isPublic = (article: Pick<Article, "status" | "publishedAt">, now = Date.now()) => articleState(article, now) === "published";

/** Non-draft articles, newest first, with their publication times for a binary search on "now". */
interface Timeline {
  articles: Article[];
  times: number[];
}

interface Store {
  bundle: ContentBundle;
  /** Opened with the bundle: a later compile's file never mixes with this bundle's places. */
  bodies: BodiesFile;
  articleBySlug: Map<string, Article>;
  sectionByPath: Map<string, Section>;
  authorBySlug: Map<string, Author>;
  topicBySlug: Map<string, Topic>;
  articleByFormerPath: Map<string, Article>;
  withdrawalByPath: Map<string, Withdrawal>;
  everything: Timeline;
  /** Each article's place in `everything`, for putting any set of articles in its order. */
  placeInEverything: Map<string, number>;
  bySection: Map<string, Timeline>;
  byAuthor: Map<string, Timeline>;
  byTopic: Map<string, Timeline>;
}

function timeline(articles: Article[]): Timeline {
  return { articles, times: articles.map((article) => Date.parse(article.publishedAt)) };
}

function group(articles: Article[], keysOf: (article: Article) => string[]): Map<string, Timeline> {
  const lists = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const list = lists.get(key);
      if (list) list.push(article);
      else lists.set(key, [article]);
    }
  }
  return new Map([...lists].map(([key, list]) => [key, timeline(list)]));
}

function buildStore(bundle: ContentBundle): Store {
  const scheduledOrPublished = bundle.articles.filter((article) => article.status === "published");
  return {
    bundle,
    bodies: openBodies(path.join(path.dirname(BUNDLE_PATH), bundle.bodiesFile)),
    articleBySlug: new Map(bundle.articles.map((article) => [article.slug, article])),
    sectionByPath: new Map(bundle.sections.map((section) => [section.path, section])),
    authorBySlug: new Map(bundle.authors.map((author) => [author.slug, author])),
    topicBySlug: new Map(bundle.topics.map((topic) => [topic.slug, topic])),
    articleByFormerPath: new Map(bundle.articles.flatMap((article) => (article.formerPaths ?? []).map((path) => [path, article] as const))),
    withdrawalByPath: new Map(bundle.withdrawals.map((withdrawal) => [withdrawal.path, withdrawal])),
    everything: timeline(scheduledOrPublished),
    placeInEverything: new Map(scheduledOrPublished.map((article, place) => [article.slug, place])),
    bySection: group(scheduledOrPublished, (article) => [article.section, article.section.split("/")[0]!]),
    byAuthor: group(scheduledOrPublished, (article) => article.authors),
    byTopic: group(scheduledOrPublished, (article) => article.topics ?? []),
  };
}

/**
 * The loaded store, one a process: the site's server (scripts/serve.ts) runs this module from
 * source and the routes Next.js compiled run their own copy of it, and an archive's store is too
 * large to hold twice (some 150 MB at 100,000 articles). So it lives on `globalThis`, under a
 * name of the site's own, as Prisma's guide for Next.js keeps one database client for every copy.
 */
const processWide = globalThis as typeof globalThis & { gacetaContentStore?: { store: Store; mtimeMs: number; path: string } };

function store(): Store {
  const loaded = processWide.gacetaContentStore?.path === BUNDLE_PATH ? processWide.gacetaContentStore : undefined;
  // In development the bundle is rewritten on every save; in production it never changes.
  const mtimeMs = loaded && process.env.NODE_ENV !== "development" ? loaded.mtimeMs : bundleMtime();
  if (!loaded || loaded.mtimeMs !== mtimeMs) {
    const bundle = JSON.parse(readFileSync(BUNDLE_PATH, "utf8")) as ContentBundle;
    if (loaded) closeBodies(loaded.store.bodies);
    processWide.gacetaContentStore = { store: buildStore(bundle), mtimeMs, path: BUNDLE_PATH };
  }
  return processWide.gacetaContentStore!.store;
}

function bundleMtime(): number {
  try {
    return statSync(BUNDLE_PATH).mtimeMs;
  } catch {
    throw new Error(`No compiled content at ${BUNDLE_PATH}: run "npm run build" (or "npm run dev") first.`);
  }
}

/** An article's body, read as its page renders: no process holds every body of the archive. */
export function getArticleBody(article: Pick<Article, "bodyAt">): string {
  return readBody(store().bodies, article.bodyAt);
}

/** Where a timeline's public part starts: its first entry published at or before `now`. */
function firstPublicIndex(times: number[], now: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle]! > now) low = middle + 1;
    else high = middle;
  }
  return low;
}

function publicPart({ articles, times }: Timeline, now: number): Article[] {
  const first = firstPublicIndex(times, now);
  return first === 0 ? articles : articles.slice(first);
}

const EMPTY: Timeline = { articles: [], times: [] };

export interface Scope {
  section?: string;
  author?: string;
  topic?: string;
}

function timelineOf({ section, author, topic }: Scope): Timeline {
  const { everything, bySection, byAuthor, byTopic } = store();
  if (section) return bySection.get(section) ?? EMPTY;
  if (author) return byAuthor.get(author) ?? EMPTY;
  if (topic) return byTopic.get(topic) ?? EMPTY;
  return everything;
}

/** Published articles whose time has come, newest first: all, or one section's, author's or topic's. */
export function listPublicArticles(scope: Scope = {}, now = Date.now()): Article[] {
  return publicPart(timelineOf(scope), now);
}

/**
 * The newest public articles in an article's subsection, the article itself and those already
 * listed above it left out: the "more in" list under it. Reads only the head of the subsection's
 * list, however long that is.
 */
export function moreFromSection(
  article: Pick<Article, "slug" | "section">,
  count: number,
  now = Date.now(),
  listedAbove: Pick<Article, "slug">[] = [],
): Article[] {
  const leftOut = new Set([article.slug, ...listedAbove.map((other) => other.slug)]);
  const { articles, times } = timelineOf({ section: article.section });
  const first = firstPublicIndex(times, now);
  return articles
    .slice(first, first + count + leftOut.size)
    .filter((other) => !leftOut.has(other.slug))
    .slice(0, count);
}

/**
 * What an article's page lists under it, as of one moment: its related articles, then the
 * newest of its subsection, no article in both.
 */
export function onwardReading(
  article: Pick<Article, "slug" | "section" | "topics">,
  counts: { related: number; moreFromSection: number },
  now = Date.now(),
): { related: Article[]; moreFromSection: Article[] } {
  const related = relatedArticles(article, counts.related, now);
  return { related, moreFromSection: moreFromSection(article, counts.moreFromSection, now, related) };
}

/**
 * How far down each of its topics' lists an article's related articles are looked for: a page
 * costs the same to build in an archive of any size, and what it offers is recent.
 */
const RELATED_LOOKAHEAD = 50;

/**
 * The public articles that share the most topics with an article, from any section; among those
 * that share as many, the ones that share its main topic (its first), then the newest. None when
 * it has no topics. The "related" list under it.
 */
export function relatedArticles(article: Pick<Article, "slug" | "topics">, count: number, now = Date.now()): Article[] {
  // Two points a shared topic, one more for the main one: a tie-break, never worth a topic.
  const score = new Map<Article, number>();
  (article.topics ?? []).forEach((topic, index) => {
    const { articles, times } = timelineOf({ topic });
    const first = firstPublicIndex(times, now);
    for (const other of articles.slice(first, first + RELATED_LOOKAHEAD)) {
      if (other.slug !== article.slug) score.set(other, (score.get(other) ?? 0) + (index === 0 ? 3 : 2));
    }
  });
  const { placeInEverything } = store();
  const place = (other: Article) => placeInEverything.get(other.slug)!;
  return [...score]
    .sort(([a, scoreOfA], [b, scoreOfB]) => scoreOfB - scoreOfA || place(a) - place(b))
    .slice(0, count)
    .map(([other]) => other);
}

/**
 * Names the state of the public content at `now`: it changes when the content is compiled again
 * or a scheduled article's time comes, and only then. What is built from every public article
 * (the sitemap) is kept while it stays the same.
 */
export function publicContentVersion(now = Date.now()): string {
  const { bundle, everything } = store();
  return `${bundle.compiledAt}:${firstPublicIndex(everything.times, now)}`;
}

/** Whether the article with this slug exists and is public at `now`. */
export function isPublicSlug(slug: string, now = Date.now()): boolean {
  const article = store().articleBySlug.get(slug);
  return article !== undefined && isPublic(article, now);
}

/** Slugs' places in the timeline, worked out once for each list of slugs (a search index's) and bundle. */
const placesOfSlugs = new WeakMap<readonly string[], { store: Store; places: Int32Array }>();

/** Each slug's place in the timeline of published and scheduled articles, or -1 when it has none. */
export function timelinePlaces(slugs: readonly string[]): Int32Array {
  const current = store();
  const known = placesOfSlugs.get(slugs);
  if (known?.store === current) return known.places;
  const places = Int32Array.from(slugs, (slug) => current.placeInEverything.get(slug) ?? -1);
  placesOfSlugs.set(slugs, { store: current, places });
  return places;
}

/** Those of these timeline places (-1 for none) whose articles are public, newest first, as in every list. */
export function publicTimelinePlaces(places: ArrayLike<number>, now = Date.now()): Int32Array {
  const first = firstPublicIndex(store().everything.times, now);
  let count = 0;
  for (let index = 0; index < places.length; index++) if (places[index]! >= first) count++;
  const kept = new Int32Array(count);
  let at = 0;
  for (let index = 0; index < places.length; index++) if (places[index]! >= first) kept[at++] = places[index]!;
  // A current index's places come in timeline order already: sorting them again is wasted work.
  for (let index = 1; index < kept.length; index++) if (kept[index - 1]! > kept[index]!) return kept.sort();
  return kept;
}

/** The articles at these timeline places. */
export const articlesAtPlaces = (places: ArrayLike<number>): Article[] =>
  Array.from(places, (place) => store().everything.articles[place]!);

/**
 * Published and scheduled articles: the pages the site will serve without a rebuild. Build-time
 * route lists use it, so a scheduled article's page exists (as a 404) until its time comes.
 */
export function listPublishedOrScheduledArticles(scope: Scope = {}): Article[] {
  return timelineOf(scope).articles;
}

/** The SITE_URL the build was made for (./bundle.ts). */
export function builtForSiteUrl(): string {
  return store().bundle.siteUrl;
}

/** What the build prerendered: recorded with the content it compiled (./bundle.ts). */
export function prerenderLimits(): PrerenderLimits {
  return store().bundle.prerender;
}

/** When the content was compiled: pages prerendered at build time show the site as of then. */
export function compiledAt(): number {
  return store().bundle.compiledAt;
}

/** Every moment an article is (or was) due to appear, ascending. */
export function publicationTimes(): number[] {
  return [...new Set(store().everything.times)].sort((a, b) => a - b);
}

/** Any article, whatever its state: callers decide what the reader may see. */
export function getArticle(slug: string): Article | undefined {
  return store().articleBySlug.get(slug);
}

/**
 * The article that was once at this address and has moved, once it is public: a draft's or a
 * scheduled article's new address stays private until its time.
 */
export function getMovedArticle(formerPath: string, now = Date.now()): Article | undefined {
  const article = store().articleByFormerPath.get(formerPath);
  return article && isPublic(article, now) ? article : undefined;
}

/** Why and when the article once at this exact address was withdrawn, if it was. */
export function getWithdrawal(path: string): Withdrawal | undefined {
  return store().withdrawalByPath.get(path);
}

export function getSection(path: string): Section | undefined {
  return store().sectionByPath.get(path);
}

export function listSections(): Section[] {
  return store().bundle.sections;
}

export function getAuthor(slug: string): Author | undefined {
  return store().authorBySlug.get(slug);
}

export function listAuthors(): Author[] {
  return store().bundle.authors;
}

export function getTopic(slug: string): Topic | undefined {
  return store().topicBySlug.get(slug);
}

export function listTopics(): Topic[] {
  return store().bundle.topics;
}
