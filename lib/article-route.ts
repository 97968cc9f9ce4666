import { cache } from "react";
import {
  articleState,
  getArticle,
  getArticleBody,
  getAuthor,
  getSection,
  getTopic,
  type Author,
  type Topic,
  onwardReading,
} from "@/lib/content/store";
import { sectionTrail } from "./breadcrumbs";
import { prerenderedArticles } from "./prerender";
import { previewedSlug } from "./preview-mode";
import { site } from "./site";
import { sectionSegments } from "./urls";

/**
 * The article at /{section}/{subsection}/{slug} as this request may see it: published and due, or
 * previewed through a valid private link for exactly this article, with everything its page shows:
 * its body, sections, trail, authors, topics and onward reading. Anything else is null (a 404).
 * Cached per request, so metadata and page share one lookup.
 */
export const resolveArticle = cache(async (sectionSlug: string, subsectionSlug: string, slug: string) => {
  const article = getArticle(slug);
  if (!article || article.section !== `${sectionSlug}/${subsectionSlug}`) return null;
  const state = articleState(article);
  const preview = (await previewedSlug()) === article.slug;
  if (state !== "published" && !preview) return null;
  const section = getSection(article.section);
  const topSection = section?.parent ? getSection(section.parent) : undefined;
  if (!section || !topSection) return null;
  const authors = article.authors.map(getAuthor).filter((author): author is Author => author !== undefined);
  const topics = (article.topics ?? []).map(getTopic).filter((topic): topic is Topic => topic !== undefined);
  const onward = onwardReading(article, { related: site.relatedArticlesSize, moreFromSection: site.moreFromSectionSize });
  const body = getArticleBody(article);
  return { article, body, state, preview, section, topSection, authors, topics, trail: sectionTrail(section, topSection), onward };
});

/**
 * The articles the build prerenders (lib/prerender.ts). A scheduled one is prerendered as a 404
 * and regenerated into the article once its time has come. Older articles render on their first
 * request and are stored from then on; the request guard answers any other address with the 404
 * page before Next.js renders anything (lib/site-guard.ts).
 */
export function articleParams() {
  return prerenderedArticles().map((article) => ({ ...sectionSegments(article.section), slug: article.slug }));
}
