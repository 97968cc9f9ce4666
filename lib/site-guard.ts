/**
 * What the request guard (lib/request-guard.ts) needs to know of this site's content, read from
 * the compiled content once, when the server starts: which addresses have a page, which open
 * later, which images have a public use from when, where moved articles went, what was withdrawn,
 * and which article a preview cookie opens.
 */
import * as store from "./content/store";
import { laterListPages, listPagesOpeningAfter } from "./listing-routes";
import { prerenderedArticles } from "./prerender";
import { previewedSlugIn, readPreviewSecret } from "./preview";
import type { GuardOptions } from "./request-guard";
import { articlePath } from "./urls";

/**
 * Every page that has nothing public until a scheduled article's time, with that time: its own,
 * and any later list page that stays empty until then.
 */
function scheduledPages(now: number): Map<string, number> {
  return new Map([
    ...store.listPublishedOrScheduledArticles().map((article) => [articlePath(article), Date.parse(article.publishedAt)] as const),
    ...listPagesOpeningAfter(now),
  ]);
}

/**
 * The pages of the routes Next.js renders on demand: every published or scheduled article's, every
 * later list page, and whether the build prerendered each. Any other address on those routes has
 * no page.
 */
function onDemandPages(): Map<string, { prerendered: boolean }> {
  const prerendered = new Set(prerenderedArticles());
  const pages = laterListPages();
  for (const article of store.listPublishedOrScheduledArticles())
    pages.set(articlePath(article), { prerendered: prerendered.has(article) });
  return pages;
}

/**
 * When each image under /images/ first has a public use: author photos always, lead images from
 * their article's time; any other (a draft's, a withdrawn article's) never.
 */
function imagePublicFrom(): Map<string, number> {
  const from = new Map<string, number>();
  for (const author of store.listAuthors()) if (author.photo) from.set(author.photo.src, -Infinity);
  for (const article of store.listPublishedOrScheduledArticles()) {
    const time = Date.parse(article.publishedAt);
    from.set(article.leadImage.src, Math.min(time, from.get(article.leadImage.src) ?? Infinity));
  }
  return from;
}

/** The guard's options for the compiled content, with `publishedThrough` from the scheduler. */
export function siteGuardOptions(publishedThrough: () => number, now = Date.now()): GuardOptions {
  const secret = readPreviewSecret();
  const scheduled = scheduledPages(now);
  const imageFrom = imagePublicFrom();
  const pages = onDemandPages();
  return {
    publishedThrough,
    previewed: (cookieHeader) => {
      const slug = secret.ok ? previewedSlugIn(cookieHeader, secret.secret) : undefined;
      const article = slug === undefined ? undefined : store.getArticle(slug);
      return article && { path: articlePath(article), image: article.leadImage.src };
    },
    scheduledAt: (path) => scheduled.get(path),
    pageAt: (path) => pages.get(path),
    imageFrom: (path) => imageFrom.get(path),
    movedTo: (path) => {
      const article = store.getMovedArticle(path);
      return article && articlePath(article);
    },
    withdrawn: store.getWithdrawal,
  };
}
