import type { Article, Section } from "@/lib/content/store";
import { sectionPath } from "@/lib/urls";
import { HeadlineList } from "./HeadlineList";

/**
 * "Más en Elecciones" under an article: the subsection's latest headlines, so a reader who has
 * finished has somewhere to go and crawlers find the newest articles from every older one.
 */
export function MoreFromSection({ section, articles }: { section: Section; articles: Article[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="mas-en-la-seccion" className="no-print mx-auto mt-14 max-w-3xl border-t border-rule pt-6">
      <h2 id="mas-en-la-seccion" className="font-serif text-2xl font-bold">
        Más en{" "}
        <a href={sectionPath(section.path)} className="underline decoration-1">
          {section.name}
        </a>
      </h2>
      <HeadlineList articles={articles} />
    </section>
  );
}
