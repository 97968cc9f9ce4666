import type { Article } from "@/lib/content/store";

/** The headline, the page's only h1, and the standfirst, both in the article's own language. */
export function ArticleHeader({ article }: { article: Article }) {
  return (
    <>
      <h1
        lang={article.language}
        className="mt-4 font-serif text-[2.1rem] leading-[1.15] font-bold tracking-tight text-balance sm:text-5xl"
      >
        {article.headline}
      </h1>
      {article.standfirst && (
        <p lang={article.language} className="mt-4 font-serif text-xl leading-snug text-muted sm:text-2xl">
          {article.standfirst}
        </p>
      )}
    </>
  );
}
