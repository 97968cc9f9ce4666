/**
 * Data for the list pages (home, sections, subsections, authors, topics, search results), shared
 * by their route files so each route reads as: parse the URL, get the listing in one call, render
 * it. Each article in a list comes as a teaser: with its section, looked up here, once.
 */
import {
  articlesAtPlaces,
  type Article,
  type Section,
  getAuthor,
  getSection,
  getTopic,
  listAuthors,
  listPublicArticles,
  listPublishedOrScheduledArticles,
  listSections,
  listTopics,
  type Scope,
} from "@/lib/content/store";
import { sectionTrail } from "./breadcrumbs";
import { laterPages, pageOpensAt, pageRange, paginate, parsePageNumber, type Page } from "./pagination";
import { prerenderedLaterPages } from "./prerender";
import { searchResults, searchSuggestion } from "./search/search";
import { site } from "./site";
import type { SearchOrder } from "./urls";
import { authorPath, sectionPath, sectionSegments, topicPath } from "./urls";

/** An article as a list shows it: with its section. */
export interface Teaser {
  article: Article;
  section: Section | undefined;
}

export const teaserOf = (article: Article): Teaser => ({ article, section: getSection(article.section) });

/** One page of a list, each article with its section; null when the page lies beyond the last. */
function teaserPage(articles: Article[], page: number): Page<Teaser> | null {
  const found = paginate(articles, page);
  return found && { ...found, items: found.items.map(teaserOf) };
}

/** The home page: its lead article, the latest after it, and the topics in use. */
export function homeListing() {
  const [lead, ...rest] = listPublicArticles().slice(0, site.homeSize);
  return { lead: lead && teaserOf(lead), latest: rest.map(teaserOf), topics: topicsInUse() };
}

/**
 * The search page for a query: how many articles match, one page of them, or what to search
 * instead. Only the page shown is looked up, however many match.
 */
export function searchListing(query: string, page: number | null, order: SearchOrder) {
  const matches = query ? searchResults(query, { order }) : new Int32Array();
  const suggestion = query && matches.length === 0 ? searchSuggestion(query) : undefined;
  const range = page === null ? null : pageRange(matches.length, page);
  const results: Page<Teaser> | null = range && {
    items: articlesAtPlaces(matches.subarray(range.start, range.end)).map(teaserOf),
    page: page!,
    totalPages: range.totalPages,
  };
  return { total: matches.length, suggestion, results };
}

/** A section's (or subsection's) page `page`, or null when either does not exist. */
export function sectionListing(path: string, page = 1) {
  const section = getSection(path);
  if (!section) return null;
  const articles = teaserPage(listPublicArticles({ section: path }), page);
  if (!articles) return null;
  const parent = section.parent ? getSection(section.parent) : undefined;
  const subsections = section.subsections.flatMap((sub) => getSection(sub) ?? []);
  return { section, parent, subsections, articles, trail: sectionTrail(section, parent) };
}

export function authorListing(slug: string, page = 1) {
  const author = getAuthor(slug);
  if (!author) return null;
  const articles = teaserPage(listPublicArticles({ author: slug }), page);
  return articles ? { author, articles } : null;
}

export function topicListing(slug: string, page = 1) {
  const topic = getTopic(slug);
  if (!topic) return null;
  const articles = teaserPage(listPublicArticles({ topic: slug }), page);
  return articles ? { topic, articles } : null;
}

/** The page number in a /pagina/{n} URL: 2 or more, as page 1 lives at the list's own URL. */
export function laterPageNumber(value: string): number | null {
  const page = parsePageNumber(value);
  return page && page > 1 ? page : null;
}

const topSections = () => listSections().filter((section) => !section.parent);
const subsections = () => listSections().filter((section) => section.parent);

export const topSectionParams = () => topSections().map((section) => ({ section: section.slug }));

export const subsectionParams = () => subsections().map((section) => sectionSegments(section.path));

/** Later pages, counting scheduled articles: a page they will fill exists (as a 404) until they do. */
const laterPagesOf = (scope: Scope) => laterPages(listPublishedOrScheduledArticles(scope).length);

/** The later pages the build prerenders (lib/prerender.ts); the rest render on their first request. */
const prerenderedPagesOf = (scope: Scope) => prerenderedLaterPages(laterPagesOf(scope));

export const topSectionPageParams = () =>
  topSections().flatMap((section) =>
    prerenderedPagesOf({ section: section.path }).map((page) => ({ section: section.slug, page: String(page) })),
  );

export const subsectionPageParams = () =>
  subsections().flatMap((section) =>
    prerenderedPagesOf({ section: section.path }).map((page) => ({ ...sectionSegments(section.path), page: String(page) })),
  );

export const authorParams = () => listAuthors().map((author) => ({ author: author.slug }));

export const authorPageParams = () =>
  listAuthors().flatMap((author) =>
    prerenderedPagesOf({ author: author.slug }).map((page) => ({ author: author.slug, page: String(page) })),
  );

/** The topics with at least one public article, in the order of topics.ts. */
export const topicsInUse = (now = Date.now()) => listTopics().filter((topic) => listPublicArticles({ topic: topic.slug }, now).length > 0);

export const topicParams = () => listTopics().map((topic) => ({ topic: topic.slug }));

export const topicPageParams = () =>
  listTopics().flatMap((topic) => prerenderedPagesOf({ topic: topic.slug }).map((page) => ({ topic: topic.slug, page: String(page) })));

/** Every list (sections, subsections, authors, topics) with the address of its page `page`. */
function eachList(visit: (scope: Scope, pathOf: (page: number) => string) => void) {
  for (const section of listSections()) visit({ section: section.path }, (page) => sectionPath(section.path, page));
  for (const author of listAuthors()) visit({ author: author.slug }, (page) => authorPath(author.slug, page));
  for (const topic of listTopics()) visit({ topic: topic.slug }, (page) => topicPath(topic.slug, page));
}

/** Every later list page, now or once scheduled articles are published, and whether the build prerendered it. */
export function laterListPages(): Map<string, { prerendered: boolean }> {
  const pages = new Map<string, { prerendered: boolean }>();
  eachList((scope, pathOf) => {
    const prerendered = new Set(prerenderedPagesOf(scope));
    for (const page of laterPagesOf(scope)) pages.set(pathOf(page), { prerendered: prerendered.has(page) });
  });
  return pages;
}

/**
 * The later list pages that stay empty until an article scheduled after `now` is published (it
 * pushes the list's oldest onto them), with that time. The request guard answers them with the
 * site's 404 page until then (lib/request-guard.ts).
 */
export function listPagesOpeningAfter(now: number): Map<string, number> {
  const pages = new Map<string, number>();
  eachList((scope, pathOf) => {
    const times = listPublishedOrScheduledArticles(scope).map((article) => Date.parse(article.publishedAt));
    for (const page of laterPages(times.length)) {
      const opensAt = pageOpensAt(times, page);
      if (opensAt !== undefined && opensAt > now) pages.set(pathOf(page), opensAt);
    }
  });
  return pages;
}
