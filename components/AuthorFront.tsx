import type { Author } from "@/lib/content/store";
import type { Teaser } from "@/lib/listing-routes";
import type { Page } from "@/lib/pagination";
import { authorGraph } from "@/lib/structured-data";
import { authorPath, authorsPath, homePath } from "@/lib/urls";
import { ArticleList } from "./ArticleList";
import { AuthorCard } from "./AuthorCard";
import { Breadcrumbs } from "./Breadcrumbs";
import { JsonLd } from "./JsonLd";
import { Pagination } from "./Pagination";

/** An author's page: their card, then their articles newest first, and its JSON-LD. */
export function AuthorFront({ author, articles }: { author: Author; articles: Page<Teaser> }) {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Breadcrumbs
        trail={[
          { name: "Inicio", path: homePath() },
          { name: "Autores", path: authorsPath() },
          { name: author.name, path: authorPath(author.slug) },
        ]}
        current="page"
      />
      <header className="mt-4 border-b border-rule pb-8">
        <AuthorCard author={author} headingLevel="h1" />
      </header>
      <h2 className="mt-8 font-serif text-2xl font-bold">
        Artículos{articles.page > 1 && <span className="text-muted">, página {articles.page}</span>}
      </h2>
      <ArticleList teasers={articles.items} headingLevel="h3" />
      <Pagination page={articles.page} totalPages={articles.totalPages} pathFor={(page) => authorPath(author.slug, page)} />
      <JsonLd data={authorGraph(author, articles.page)} />
    </div>
  );
}
