import type { Topic } from "@/lib/content/store";
import { topicPath } from "@/lib/urls";

/** "Temas": links to topic pages (an article's topics, or the home page's). */
export function TopicLinks({ topics }: { topics: Topic[] }) {
  return (
    <nav aria-labelledby="temas" className="no-print mt-10 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <h2 id="temas" className="font-semibold text-muted">
        Temas
      </h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 font-semibold">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <a href={topicPath(topic.slug)} className="inline-block py-1 underline">
              {topic.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
