import type { Article, Section } from "@/lib/content/store";
import { ArticleTeaser } from "./ArticleTeaser";

/** A grid of teasers, in the order given. */
export function ArticleList({
  articles,
  sectionOf,
  headingLevel = "h2",
  searchQuery,
}: {
  articles: Article[];
  sectionOf: (path: string) => Section | undefined;
  headingLevel?: "h2" | "h3";
  /** In search results: the query, whose words each teaser marks. */
  searchQuery?: string;
}) {
  if (articles.length === 0) {
    return <p className="mt-8 text-muted">Todavía no hay artículos publicados aquí.</p>;
  }
  return (
    <ul className="mt-8 grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article) => (
        <li key={article.slug}>
          <ArticleTeaser article={article} section={sectionOf(article.section)} headingLevel={headingLevel} searchQuery={searchQuery} />
        </li>
      ))}
    </ul>
  );
}
