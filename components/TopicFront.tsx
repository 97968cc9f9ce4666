import type { Article, Section, Topic } from "@/content/store";
import { topicTrail } from "@/lib/breadcrumbs";
import type { Page } from "@/lib/pagination";
import { topicGraph } from "@/lib/structured-data";
import { topicPath } from "@/lib/urls";
import { ArticleList } from "./ArticleList";
import { Breadcrumbs } from "./Breadcrumbs";
import { JsonLd } from "./JsonLd";
import { Pagination } from "./Pagination";

/** A topic's page: its name and description, then its articles from every section, newest first. */
export function TopicFront({
  topic,
  articles,
  sectionOf,
}: {
  topic: Topic;
  articles: Page<Article>;
  sectionOf: (path: string) => Section | undefined;
}) {
  const trail = topicTrail(topic);
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Breadcrumbs trail={trail} current="page" />
      <header className="mt-4 border-b border-rule pb-6">
        <h1 className="font-serif text-4xl font-bold sm:text-5xl">
          {topic.name}
          {articles.page > 1 && <span className="text-muted">, página {articles.page}</span>}
        </h1>
        <p className="mt-3 max-w-2xl text-lg text-muted">{topic.description}</p>
      </header>
      <ArticleList articles={articles.items} sectionOf={sectionOf} />
      <Pagination page={articles.page} totalPages={articles.totalPages} pathFor={(page) => topicPath(topic.slug, page)} />
      <JsonLd data={topicGraph(topic, trail, articles.page)} />
    </div>
  );
}
