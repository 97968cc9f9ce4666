import type { Article, Section } from "@/content/store";
import { formatDate } from "@/lib/dates";
import { articlePath, sectionPath } from "@/lib/urls";

/**
 * "Más en Elecciones" under an article: the subsection's latest headlines, so a reader who has
 * finished has somewhere to go and crawlers find the newest articles from every older one.
 * Headlines only, no images: the list sits below the fold and must not compete with the lead image.
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
      <ul className="mt-6 grid gap-x-8 gap-y-6 sm:grid-cols-2">
        {articles.map((article) => (
          <li key={article.slug}>
            <h3 lang={article.language} className="font-serif text-lg leading-snug font-bold">
              <a href={articlePath(article)} className="text-ink hover:underline">
                {article.headline}
              </a>
            </h3>
            <p className="mt-1 text-xs text-muted">
              <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
