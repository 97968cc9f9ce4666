import { Fragment } from "react";
import type { Article, Author } from "@/lib/content/store";
import { formatDateTime } from "@/lib/dates";
import { readingMinutes } from "@/lib/reading-time";
import { authorPath } from "@/lib/urls";

/** "Por A, B y C", then the publication and update times in the site's time zone and the reading time. */
export function Byline({ article, authors }: { article: Pick<Article, "publishedAt" | "updatedAt" | "wordCount">; authors: Author[] }) {
  return (
    <div className="mt-6 border-t border-rule pt-4 text-sm text-muted">
      <p className="text-base text-ink">
        {authors.length === 0 && "Autoría pendiente"}
        {authors.length > 0 && "Por "}
        {authors.map((author, index) => (
          <Fragment key={author.slug}>
            {index > 0 && (index === authors.length - 1 ? " y " : ", ")}
            <a href={authorPath(author.slug)} className="font-semibold underline">
              {author.name}
            </a>
          </Fragment>
        ))}
      </p>
      <p className="mt-1">
        Publicado el <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
        {article.updatedAt && (
          <>
            {" · "}Actualizado el <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt)}</time>
          </>
        )}
        {" · "}
        {readingMinutes(article.wordCount)} min de lectura
      </p>
    </div>
  );
}
