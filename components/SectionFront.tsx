import type { Section } from "@/lib/content/store";
import type { Crumb } from "@/lib/breadcrumbs";
import type { Teaser } from "@/lib/listing-routes";
import type { Page } from "@/lib/pagination";
import { sectionGraph } from "@/lib/structured-data";
import { sectionPath } from "@/lib/urls";
import { ArticleList } from "./ArticleList";
import { FrontHeader } from "./FrontHeader";
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
}: {
  section: Section;
  subsections: Section[];
  articles: Page<Teaser>;
  trail: Crumb[];
}) {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Breadcrumbs trail={trail} current="page" />
      <FrontHeader name={section.name} description={section.description} page={articles.page}>
        {subsections.length > 0 && (
          <nav aria-label={`Subsecciones de ${section.name}`} className="mt-4">
            <ul className="flex flex-wrap gap-x-5 text-sm font-semibold">
              <SectionLinks sections={subsections} />
            </ul>
          </nav>
        )}
      </FrontHeader>
      <ArticleList teasers={articles.items} />
      <Pagination page={articles.page} totalPages={articles.totalPages} pathFor={(page) => sectionPath(section.path, page)} />
      <JsonLd data={sectionGraph(section, trail, articles.page)} />
    </div>
  );
}
