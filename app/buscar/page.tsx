import { Breadcrumbs } from "@/components/Breadcrumbs";
import { SearchForm } from "@/components/SearchForm";
import { SearchResults } from "@/components/SearchResults";
import { searchListing } from "@/lib/listing-routes";
import { normalizeQuery } from "@/lib/search/query";
import { searchMetadata } from "@/lib/metadata";
import { parsePageNumber } from "@/lib/pagination";
import { homePath, parseSearchOrder, searchPath } from "@/lib/urls";

type Props = PageProps<"/buscar">;

async function readSearch(searchParams: Props["searchParams"]) {
  const { q, pagina, orden } = await searchParams;
  const page = typeof pagina === "string" ? parsePageNumber(pagina) : pagina === undefined ? 1 : null;
  return { query: normalizeQuery(q), page, order: parseSearchOrder(orden) };
}

export async function generateMetadata({ searchParams }: Props) {
  const { query } = await readSearch(searchParams);
  return searchMetadata(query);
}

export default async function SearchPage({ searchParams }: Props) {
  const { query, page, order } = await readSearch(searchParams);
  const listing = searchListing(query, page, order);
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Breadcrumbs
        trail={[
          { name: "Inicio", path: homePath() },
          { name: "Buscar", path: searchPath() },
        ]}
        current="page"
      />
      <h1 className="mt-4 font-serif text-4xl font-bold sm:text-5xl">Buscar</h1>
      <SearchForm query={query} order={order} />
      {query && <SearchResults query={query} order={order} {...listing} />}
    </div>
  );
}
