/**
 * How much of the archive the build prerenders (`site.prerender`): what readers read, the newest
 * articles and the first pages of each list. Everything else renders on its first request and is
 * stored from then on, so a build takes the same time and space however large the archive.
 */
import { listPublishedOrScheduledArticles } from "./content/store";
import { site } from "./site";

/** The newest published and scheduled articles. */
export const prerenderedArticles = () => listPublishedOrScheduledArticles().slice(0, site.prerender.articles);

/** Of a list's later pages (2, 3, …), those within its first `site.prerender.listPages`. */
export const prerenderedLaterPages = (laterPages: number[]) => laterPages.slice(0, Math.max(0, site.prerender.listPages - 1));
