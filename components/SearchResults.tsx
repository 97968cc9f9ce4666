import type { Teaser } from "@/lib/listing-routes";
import type { Page } from "@/lib/pagination";
import { SEARCH_ORDERS, searchPath, type SearchOrder } from "@/lib/urls";
import { ArticleList } from "./ArticleList";
import { Pagination } from "./Pagination";

const ORDER_NAMES: Record<SearchOrder, string> = { recientes: "Más recientes", relevancia: "Más relevantes" };

const ORDER_EXPLAINED: Record<SearchOrder, string> = {
  recientes: "Del más reciente al más antiguo.",
  relevancia: "Primero los que tienen más de tus palabras en el titular o la entradilla; entre ellos, del más reciente al más antiguo.",
};

/**
 * How many articles matched, and one page of them in the order the reader chose; or why there is
 * nothing to show, and what to search for instead.
 */
export function SearchResults({
  query,
  order,
  suggestion,
  total,
  results,
}: {
  query: string;
  order: SearchOrder;
  /** The query respelled, when as typed it finds nothing. */
  suggestion?: string | undefined;
  total: number;
  /** Null when the page asked for lies beyond the last one. */
  results: Page<Teaser> | null;
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
              <a href={searchPath(suggestion, 1, order)} className="font-semibold underline">
                {suggestion}
              </a>
              ?
            </p>
          )}
          <p className="mt-3 text-muted">Prueba con menos palabras o con otras más generales.</p>
        </>
      ) : results ? (
        <>
          <nav aria-label="Orden de los resultados" className="mt-3">
            <ul className="flex gap-4 text-sm">
              {SEARCH_ORDERS.map((choice) => (
                <li key={choice}>
                  <a
                    href={searchPath(query, 1, choice)}
                    aria-current={choice === order ? "page" : undefined}
                    className={`inline-block py-1.5 ${choice === order ? "font-bold text-ink no-underline" : "underline"}`}
                  >
                    {ORDER_NAMES[choice]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p className="mt-2 text-sm text-muted">{ORDER_EXPLAINED[order]}</p>
          <ArticleList teasers={results.items} headingLevel="h3" searchQuery={query} />
          <Pagination page={results.page} totalPages={results.totalPages} pathFor={(page) => searchPath(query, page, order)} />
        </>
      ) : (
        <p className="mt-3">
          Esa página de resultados no existe. <a href={searchPath(query, 1, order)}>Ver la primera</a>.
        </p>
      )}
    </section>
  );
}
