import type { Topic } from "@/lib/content/store";
import { topicTrail } from "@/lib/breadcrumbs";
import type { Teaser } from "@/lib/listing-routes";
import type { Page } from "@/lib/pagination";
import { topicGraph } from "@/lib/structured-data";
import { topicPath } from "@/lib/urls";
import { ArticleList } from "./ArticleList";
import { FrontHeader } from "./FrontHeader";
import { Breadcrumbs } from "./Breadcrumbs";
import { JsonLd } from "./JsonLd";
import { Pagination } from "./Pagination";

/** A topic's page: its name and description, then its articles from every section, newest first. */
export function TopicFront({ topic, articles }: { topic: Topic; articles: Page<Teaser> }) {
  const trail = topicTrail(topic);
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Breadcrumbs trail={trail} current="page" />
      <FrontHeader name={topic.name} description={topic.description} page={articles.page} />
      <ArticleList teasers={articles.items} />
      <Pagination page={articles.page} totalPages={articles.totalPages} pathFor={(page) => topicPath(topic.slug, page)} />
      <JsonLd data={topicGraph(topic, trail, articles.page)} />
    </div>
  );
}
