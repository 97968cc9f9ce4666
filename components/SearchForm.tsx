import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { SEARCH_ORDERS, searchPath, type SearchOrder } from "@/lib/urls";

/**
 * A plain GET form: searching works without JavaScript, and every result page has an address. A
 * new search keeps the order the reader chose.
 */
export function SearchForm({ query, order = SEARCH_ORDERS[0] }: { query: string; order?: SearchOrder }) {
  return (
    <form role="search" action={searchPath()} method="get" className="mt-6 flex max-w-2xl flex-col gap-2">
      <label htmlFor="consulta" className="font-semibold">
        Palabras que buscas
      </label>
      <div className="flex gap-2">
        <input
          id="consulta"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          required
          enterKeyHint="search"
          className="min-w-0 flex-1 rounded border border-muted bg-paper px-3 py-2 text-lg text-ink"
        />
        {/* After the query: the address reads q=…&orden=…, as searchPath writes it. */}
        {order !== SEARCH_ORDERS[0] && <input type="hidden" name="orden" value={order} />}
        <button type="submit" className="rounded bg-accent px-5 py-2 font-semibold text-paper hover:opacity-90">
          Buscar
        </button>
      </div>
    </form>
  );
}
