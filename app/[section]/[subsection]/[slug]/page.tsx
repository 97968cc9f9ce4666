import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/ArticleBody";
import { ArticleHeader } from "@/components/ArticleHeader";
import { AuthorCard } from "@/components/AuthorCard";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { Byline } from "@/components/Byline";
import { Corrections } from "@/components/Corrections";
import { JsonLd } from "@/components/JsonLd";
import { LeadImage } from "@/components/LeadImage";
import { MoreFromSection } from "@/components/MoreFromSection";
import { PreviewBanner } from "@/components/PreviewBanner";
import { RelatedArticles } from "@/components/RelatedArticles";
import { ShareLinks } from "@/components/ShareLinks";
import { SourceCredit } from "@/components/SourceCredit";
import { TopicLinks } from "@/components/TopicLinks";
import { articleParams, resolveArticle } from "@/lib/article-route";
import { articleMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";
import { shareLinks } from "@/lib/share-links";
import { articleGraph } from "@/lib/structured-data";

type Props = PageProps<"/[section]/[subsection]/[slug]">;

/**
 * The newest articles are prerendered; older ones render on their first request and are stored.
 * Addresses with no article never get here: the request guard sends them to the 404 page.
 */
export const dynamicParams = true;
export const generateStaticParams = articleParams;

export async function generateMetadata({ params }: Props) {
  const { section, subsection, slug } = await params;
  const found = await resolveArticle(section, subsection, slug);
  if (!found) return {};
  return withPreviewRobots(articleMetadata(found.article, found));
}

export default async function ArticlePage({ params }: Props) {
  const { section, subsection, slug } = await params;
  const found = await resolveArticle(section, subsection, slug);
  if (!found) notFound();
  const { article, state, preview, authors, topics, trail, onward } = found;

  return (
    <>
      {preview && <PreviewBanner slug={article.slug} state={state} publishedAt={article.publishedAt} />}
      <div className="mx-auto max-w-6xl px-4 pt-6">
        <Breadcrumbs trail={trail} current="location" />
        <article className="mx-auto mt-2 max-w-3xl">
          <ArticleHeader article={article} />
          <LeadImage image={article.leadImage} language={article.language} />
          <div className="mx-auto max-w-[42rem]">
            <Byline article={article} authors={authors} />
            <ArticleBody article={article} body={found.body} />
            {article.corrections && <Corrections corrections={article.corrections} language={article.language} />}
            {topics.length > 0 && <TopicLinks topics={topics} />}
            {/* Not before publication: a share would spread a headline that is not public yet. */}
            {state === "published" && <ShareLinks links={shareLinks(article)} />}
            {article.source && <SourceCredit source={article.source} language={article.language} />}
            <section aria-label="Sobre la autoría" className="mt-10 space-y-8">
              {authors.map((author) => (
                <AuthorCard key={author.slug} author={author} headingLevel="h2" />
              ))}
            </section>
          </div>
        </article>
        <RelatedArticles articles={onward.related} />
        <MoreFromSection section={found.section} articles={onward.moreFromSection} />
      </div>
      <JsonLd data={articleGraph(article, authors, found.section, trail, topics)} />
    </>
  );
}
