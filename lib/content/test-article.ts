import type { Article } from "./bundle";

export const HOUR = 3600_000;

/** A compiled article for unit tests, published `hoursAgo` before `now`; any field can be changed. */
export const testArticle = (slug: string, hoursAgo: number, now: number, changes: Partial<Article> = {}): Article => ({
  slug,
  status: "published",
  headline: slug,
  section: "politica/elecciones",
  authors: ["ana"],
  publishedAt: new Date(now - hoursAgo * HOUR).toISOString(),
  language: "es",
  leadImage: { src: "/images/a.jpg", alt: "a", caption: "c", credit: "f", width: 1600, height: 900, bytes: 1 },
  bodyAt: [0, 1],
  description: "x",
  wordCount: 1,
  ...changes,
});
