/**
 * Sitemaps for crawlers: every public page with its last modification (and each article with its
 * lead image, in Google's image extension), as one `urlset` while it fits the protocol's limits
 * (50,000 URLs, 50 MB) and as a sitemap index of child sitemaps before it would pass them; and the
 * Google News sitemap of the last two days' articles.
 */
import { listAuthors, listPublicArticles, listSections, listTopics, publicContentVersion, type Article } from "@/lib/content/store";
import { keptWhile } from "./memo";
import { laterPages } from "./pagination";
import { site } from "./site";
import { absoluteUrl, articlePath, authorPath, authorsPath, childSitemapPath, homePath, sectionPath, topicPath, topicsPath } from "./urls";

export const SITEMAP_LIMITS = { maxUrls: 50_000, maxBytes: 50 * 1024 * 1024 };
export const NEWS_SITEMAP_LIMITS = { maxAgeMs: 2 * 24 * 3600 * 1000, maxArticles: 1000 };

export interface SitemapEntry {
  loc: string;
  /** ISO 8601 with offset. */
  lastmod?: string;
  /** Absolute URLs of the images the page shows, for image search. */
  images?: string[];
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);

const modifiedAt = (article: Article) => article.updatedAt ?? article.publishedAt;
const newest = (articles: Article[]) =>
  articles.reduce<string | undefined>((latest, article) => {
    const time = modifiedAt(article);
    return !latest || Date.parse(time) > Date.parse(latest) ? time : latest;
  }, undefined);

/** A list and its later pages, dated by their newest article. */
function listingEntries(articles: Article[], pathFor: (page: number) => string): SitemapEntry[] {
  const lastmod = newest(articles);
  return [1, ...laterPages(articles.length)].map((page) => ({ loc: absoluteUrl(pathFor(page)), lastmod }));
}

/** Every public page of the site, at `now`. Empty sections and topics, and authors without articles, are left out. */
export function sitemapEntries(now = Date.now()): SitemapEntry[] {
  const articles = listPublicArticles({}, now);
  const entries: SitemapEntry[] = [{ loc: absoluteUrl(homePath()), lastmod: newest(articles) }];
  for (const section of listSections()) {
    const inSection = listPublicArticles({ section: section.path }, now);
    if (inSection.length) entries.push(...listingEntries(inSection, (page) => sectionPath(section.path, page)));
  }
  const authors = listAuthors();
  if (authors.length) entries.push({ loc: absoluteUrl(authorsPath()), lastmod: newest(articles) });
  for (const author of authors) {
    const byAuthor = listPublicArticles({ author: author.slug }, now);
    if (byAuthor.length) entries.push(...listingEntries(byAuthor, (page) => authorPath(author.slug, page)));
  }
  const topics = listTopics();
  if (topics.length) entries.push({ loc: absoluteUrl(topicsPath()), lastmod: newest(articles) });
  for (const topic of topics) {
    const onTopic = listPublicArticles({ topic: topic.slug }, now);
    if (onTopic.length) entries.push(...listingEntries(onTopic, (page) => topicPath(topic.slug, page)));
  }
  for (const article of articles) {
    entries.push({ loc: absoluteUrl(articlePath(article)), lastmod: modifiedAt(article), images: [absoluteUrl(article.leadImage.src)] });
  }
  return entries;
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n';
const URLSET_CLOSE = "</urlset>\n";

const imageElement = (image: string) => `<image:image><image:loc>${escapeXml(image)}</image:loc></image:image>`;

const urlElement = ({ loc, lastmod, images = [] }: SitemapEntry) =>
  `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}${images.map(imageElement).join("")}</url>\n`;

/** Splits entries into sitemaps that each stay within the URL and byte limits. */
export function chunkEntries(entries: SitemapEntry[], limits = SITEMAP_LIMITS): SitemapEntry[][] {
  const frame = Buffer.byteLength(XML_HEADER + URLSET_OPEN + URLSET_CLOSE);
  const chunks: SitemapEntry[][] = [];
  let current: SitemapEntry[] = [];
  let bytes = frame;
  for (const entry of entries) {
    const size = Buffer.byteLength(urlElement(entry));
    if (current.length && (current.length >= limits.maxUrls || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = frame;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length || !chunks.length) chunks.push(current);
  return chunks;
}

export const renderUrlset = (entries: SitemapEntry[]) => XML_HEADER + URLSET_OPEN + entries.map(urlElement).join("") + URLSET_CLOSE;

export function renderSitemapIndex(chunks: SitemapEntry[][]): string {
  const sitemaps = chunks.map((chunk, index) => {
    const lastmod = chunk.reduce<string | undefined>(
      (latest, { lastmod: time }) => (time && (!latest || Date.parse(time) > Date.parse(latest)) ? time : latest),
      undefined,
    );
    return `<sitemap><loc>${escapeXml(absoluteUrl(childSitemapPath(index + 1)))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</sitemap>\n`;
  });
  return `${XML_HEADER}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.join("")}</sitemapindex>\n`;
}

/** `/sitemap.xml`: the whole urlset when it fits in one sitemap, else the index of the children. */
export function renderMainSitemap(entries: SitemapEntry[], limits = SITEMAP_LIMITS): string {
  const chunks = chunkEntries(entries, limits);
  return chunks.length === 1 ? renderUrlset(chunks[0]!) : renderSitemapIndex(chunks);
}

/** Child sitemap `index` (from 1), or null when the sitemap is not split or has no such child. */
export function renderChildSitemap(entries: SitemapEntry[], index: number, limits = SITEMAP_LIMITS): string | null {
  const chunks = chunkEntries(entries, limits);
  const chunk = chunks.length > 1 ? chunks[index - 1] : undefined;
  return chunk ? renderUrlset(chunk) : null;
}

/**
 * The sitemap as served: `main` for /sitemap.xml and each child for /sitemaps/{n}.xml, built once
 * for each state of the public content rather than from the whole archive on every request.
 */
const sitemapOf = keptWhile((now: number) => {
  const chunks = chunkEntries(sitemapEntries(now));
  // Each child is rendered when first asked for: a crawler may read only the index.
  const rendered: string[] = [];
  const children = chunks.length > 1 ? chunks.map((chunk, index) => () => (rendered[index] ??= renderUrlset(chunk))) : [];
  return { main: chunks.length === 1 ? renderUrlset(chunks[0]!) : renderSitemapIndex(chunks), children };
});

export const currentMainSitemap = (now = Date.now()) => sitemapOf(publicContentVersion(now), now).main;

/** Child `index` (from 1) of the current sitemap, or null when there is no such child. */
export function currentChildSitemap(index: number, now = Date.now()): string | null {
  const child = sitemapOf(publicContentVersion(now), now).children[index - 1];
  return child ? child() : null;
}

/** Google News: public articles published in the last two days, newest first, at most 1,000. */
export function newsArticles(now = Date.now()): Article[] {
  const since = now - NEWS_SITEMAP_LIMITS.maxAgeMs;
  const recent: Article[] = [];
  for (const article of listPublicArticles({}, now)) {
    if (Date.parse(article.publishedAt) < since || recent.length === NEWS_SITEMAP_LIMITS.maxArticles) break;
    recent.push(article);
  }
  return recent;
}

export function renderNewsSitemap(articles: Article[]): string {
  const urls = articles.map(
    (article) =>
      `<url><loc>${escapeXml(absoluteUrl(articlePath(article)))}</loc><news:news><news:publication>` +
      `<news:name>${escapeXml(site.newsPublicationName)}</news:name><news:language>${escapeXml(article.language)}</news:language>` +
      `</news:publication><news:publication_date>${article.publishedAt}</news:publication_date>` +
      `<news:title>${escapeXml(article.headline)}</news:title></news:news></url>\n`,
  );
  return (
    XML_HEADER +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    urls.join("") +
    URLSET_CLOSE
  );
}

export const xmlResponse = (body: string) => new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
