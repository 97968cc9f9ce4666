/**
 * How much of the archive the build prerenders (`PRERENDER_ARTICLES`, `PRERENDER_LIST_PAGES`, as
 * recorded with the compiled content): what readers read, the newest articles and the first pages
 * of each list. Everything else renders on its first request and is stored from then on, so a
 * build takes the same time and space however large the archive.
 */
import { listPublishedOrScheduledArticles, prerenderLimits } from "./content/store";

/** The newest published and scheduled articles. */
export const prerenderedArticles = () => listPublishedOrScheduledArticles().slice(0, prerenderLimits().articles);

/** Of a list's later pages (2, 3, …), those within its first `listPages`. */
export const prerenderedLaterPages = (laterPages: number[]) => laterPages.slice(0, Math.max(0, prerenderLimits().listPages - 1));
