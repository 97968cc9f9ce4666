import type { Article } from "@/lib/content/store";
import { formatDate } from "@/lib/dates";
import { articlePath } from "@/lib/urls";

/**
 * Headlines with their dates, no images: the lists under an article sit below the fold and must
 * not compete with the lead image.
 */
export function HeadlineList({ articles }: { articles: Article[] }) {
  return (
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
  );
}
