import type { Article } from "@/lib/content/store";
import { HeadlineList } from "./HeadlineList";

/**
 * "Noticias relacionadas" under an article: the articles that share the most topics with it, from
 * any section, for the reader who wants more on the same story rather than the newest.
 */
export function RelatedArticles({ articles }: { articles: Article[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="noticias-relacionadas" className="no-print mx-auto mt-14 max-w-3xl border-t border-rule pt-6">
      <h2 id="noticias-relacionadas" className="font-serif text-2xl font-bold">
        Noticias relacionadas
      </h2>
      <HeadlineList articles={articles} />
    </section>
  );
}
