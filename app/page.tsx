import { ArticleList } from "@/components/ArticleList";
import { ArticleTeaser } from "@/components/ArticleTeaser";
import { JsonLd } from "@/components/JsonLd";
import { TopicLinks } from "@/components/TopicLinks";
import { homeListing } from "@/lib/listing-routes";
import { homeMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";
import { site } from "@/lib/site";
import { homeGraph } from "@/lib/structured-data";

export async function generateMetadata() {
  return withPreviewRobots(homeMetadata());
}

export default function HomePage() {
  const { lead, latest, topics } = homeListing();
  return (
    <div className="mx-auto max-w-6xl px-4 pt-8">
      <h1 className="sr-only">
        {site.name}: {site.tagline}
      </h1>
      {lead ? (
        <>
          <section aria-labelledby="portada">
            <h2 id="portada" className="sr-only">
              Noticia principal
            </h2>
            <ArticleTeaser article={lead.article} section={lead.section} lead headingLevel="h3" />
          </section>
          {latest.length > 0 && (
            <section aria-labelledby="ultimas" className="mt-12 border-t border-rule pt-6">
              <h2 id="ultimas" className="font-serif text-2xl font-bold">
                Últimas noticias
              </h2>
              <ArticleList teasers={latest} headingLevel="h3" />
            </section>
          )}
        </>
      ) : (
        <p className="text-muted">Todavía no hay artículos publicados.</p>
      )}
      {topics.length > 0 && <TopicLinks topics={topics} />}
      <JsonLd data={homeGraph()} />
    </div>
  );
}
