/** RSS 2.0 feeds of the latest articles, written with the `feed` library. */
import { Feed } from "feed";
import { getAuthor, getSection, type Article } from "@/lib/content/store";
import { escapeHtml } from "./escape-html";
import { feedTitle, type FeedChannel } from "./feed-channels";
import { site } from "./site";
import { absoluteUrl, articlePath, authorPath, feedPath, homePath, sectionPath } from "./urls";

export const FEED_SIZE = 20;

const imageType = (src: string) =>
  ({ png: "image/png", webp: "image/webp", avif: "image/avif" })[src.split(".").pop() ?? ""] ?? "image/jpeg";

const names = new Intl.ListFormat(site.language, { type: "conjunction" });

/** RSS 2.0 gives an item one author: co-authors share it, as in the byline ("A, B y C"). */
function byline(article: Article) {
  const authors = article.authors.flatMap((slug) => getAuthor(slug) ?? []);
  if (authors.length === 0) return [];
  return [{ name: names.format(authors.map((author) => author.name)), link: absoluteUrl(authorPath(authors[0]!.slug)) }];
}

/** The site's feed (no channel), or a section's, subsection's, topic's or author's. */
export function renderFeed(articles: Article[], channel?: FeedChannel): string {
  const latest = articles.slice(0, FEED_SIZE);
  const pagePath = channel?.pagePath ?? homePath();
  const feed = new Feed({
    title: channel ? feedTitle(channel) : site.name,
    description: channel?.description ?? site.description,
    id: absoluteUrl(pagePath),
    link: absoluteUrl(pagePath),
    language: site.language,
    image: absoluteUrl(site.logo.path),
    favicon: absoluteUrl("/icon.svg"),
    copyright: `© ${site.name}`,
    updated: latest[0] ? new Date(latest[0].updatedAt ?? latest[0].publishedAt) : new Date(0),
    generator: site.name,
    feedLinks: { rss: absoluteUrl(channel?.feedPath ?? feedPath()) },
  });
  for (const article of latest) {
    const url = absoluteUrl(articlePath(article));
    const subsection = getSection(article.section);
    // Feed readers render an item's title and description as HTML: the headline and standfirst
    // are plain text, so they go in escaped, and a "<b>" in a headline shows as written.
    feed.addItem({
      title: escapeHtml(article.headline),
      id: url,
      link: url,
      description: escapeHtml(article.description),
      date: new Date(article.updatedAt ?? article.publishedAt),
      published: new Date(article.publishedAt),
      author: byline(article),
      category: subsection ? [{ name: subsection.name, domain: absoluteUrl(sectionPath(subsection.path)) }] : [],
      image: {
        url: absoluteUrl(article.leadImage.src),
        type: imageType(article.leadImage.src),
        length: article.leadImage.bytes,
      },
    });
  }
  return feed.rss2();
}

export const rssResponse = (body: string) => new Response(body, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
