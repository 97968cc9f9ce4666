import type { Article, Section } from "@/content/store";
import type { Page } from "@/lib/pagination";
import { searchPath } from "@/lib/urls";
import { ArticleList } from "./ArticleList";
import { Pagination } from "./Pagination";

/**
 * How many articles matched, and one page of them, newest first; or why there is nothing to show,
 * and what to search for instead.
 */
export function SearchResults({
  query,
  suggestion,
  total,
  results,
  sectionOf,
}: {
  query: string;
  /** The query respelled, when as typed it finds nothing. */
  suggestion?: string | undefined;
  total: number;
  /** Null when the page asked for lies beyond the last one. */
  results: Page<Article> | null;
  sectionOf: (path: string) => Section | undefined;
}) {
  return (
    <section aria-labelledby="resultados" className="mt-10">
      <h2 id="resultados" className="font-serif text-2xl font-bold">
        {total === 0
          ? `Ningún artículo contiene «${query}»`
          : `${total.toLocaleString("es-ES")} ${total === 1 ? "artículo contiene" : "artículos contienen"} «${query}»`}
      </h2>
      {total === 0 ? (
        <>
          {suggestion && (
            <p className="mt-3 text-lg">
              ¿Quisiste decir{" "}
              <a href={searchPath(suggestion)} className="font-semibold underline">
                {suggestion}
              </a>
              ?
            </p>
          )}
          <p className="mt-3 text-muted">Prueba con menos palabras o con otras más generales.</p>
        </>
      ) : results ? (
        <>
          <p className="mt-2 text-sm text-muted">Del más reciente al más antiguo.</p>
          <ArticleList articles={results.items} sectionOf={sectionOf} headingLevel="h3" />
          <Pagination page={results.page} totalPages={results.totalPages} pathFor={(page) => searchPath(query, page)} />
        </>
      ) : (
        <p className="mt-3">
          Esa página de resultados no existe. <a href={searchPath(query)}>Ver la primera</a>.
        </p>
      )}
    </section>
  );
}
