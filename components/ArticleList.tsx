import type { Teaser } from "@/lib/listing-routes";
import { ArticleTeaser } from "./ArticleTeaser";

/** A grid of teasers, in the order given. */
export function ArticleList({
  teasers,
  headingLevel = "h2",
  searchQuery,
}: {
  teasers: Teaser[];
  headingLevel?: "h2" | "h3";
  /** In search results: the query, whose words each teaser marks. */
  searchQuery?: string;
}) {
  if (teasers.length === 0) {
    return <p className="mt-8 text-muted">Todavía no hay artículos publicados aquí.</p>;
  }
  return (
    <ul className="mt-8 grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
      {teasers.map(({ article, section }) => (
        <li key={article.slug}>
          <ArticleTeaser article={article} section={section} headingLevel={headingLevel} searchQuery={searchQuery} />
        </li>
      ))}
    </ul>
  );
}
