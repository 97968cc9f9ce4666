import { Breadcrumbs } from "@/components/Breadcrumbs";
import { topicsInUse } from "@/lib/listing-routes";
import { topicsMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";
import { homePath, topicPath, topicsPath } from "@/lib/urls";

export async function generateMetadata() {
  return withPreviewRobots(topicsMetadata());
}

export default function TopicsPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Breadcrumbs
        trail={[
          { name: "Inicio", path: homePath() },
          { name: "Temas", path: topicsPath() },
        ]}
        current="page"
      />
      <h1 className="mt-4 border-b border-rule pb-6 font-serif text-4xl font-bold sm:text-5xl">Temas</h1>
      <ul className="mt-8 grid gap-8 md:grid-cols-2">
        {topicsInUse().map((topic) => (
          <li key={topic.slug}>
            <h2 className="font-serif text-xl font-bold">
              <a href={topicPath(topic.slug)}>{topic.name}</a>
            </h2>
            <p className="mt-1 text-muted">{topic.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
