import type { Article, Section } from "@/content/store";
import type { Crumb } from "@/lib/breadcrumbs";
import type { Page } from "@/lib/pagination";
import { sectionGraph } from "@/lib/structured-data";
import { sectionPath } from "@/lib/urls";
import { ArticleList } from "./ArticleList";
import { SectionLinks } from "./SectionLinks";
import { Breadcrumbs } from "./Breadcrumbs";
import { JsonLd } from "./JsonLd";
import { Pagination } from "./Pagination";

/** A section or subsection page: its name, its subsections, its articles newest first, its JSON-LD. */
export function SectionFront({
  section,
  subsections,
  articles,
  trail,
  sectionOf,
}: {
  section: Section;
  subsections: Section[];
  articles: Page<Article>;
  trail: Crumb[];
  sectionOf: (path: string) => Section | undefined;
}) {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Breadcrumbs trail={trail} current="page" />
      <header className="mt-4 border-b border-rule pb-6">
        <h1 className="font-serif text-4xl font-bold sm:text-5xl">
          {section.name}
          {articles.page > 1 && <span className="text-muted">, página {articles.page}</span>}
        </h1>
        <p className="mt-3 max-w-2xl text-lg text-muted">{section.description}</p>
        {subsections.length > 0 && (
          <nav aria-label={`Subsecciones de ${section.name}`} className="mt-4">
            <ul className="flex flex-wrap gap-x-5 text-sm font-semibold">
              <SectionLinks sections={subsections} />
            </ul>
          </nav>
        )}
      </header>
      <ArticleList articles={articles.items} sectionOf={sectionOf} />
      <Pagination page={articles.page} totalPages={articles.totalPages} pathFor={(page) => sectionPath(section.path, page)} />
      <JsonLd data={sectionGraph(section, trail, articles.page)} />
    </div>
  );
}
