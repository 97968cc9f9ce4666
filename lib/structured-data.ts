/**
 * Schema.org JSON-LD for every page type, built from the same content objects the pages render.
 * Types come from schema-dts; `serializeJsonLd` is the only way these objects reach the HTML.
 */
import type {
  BreadcrumbList,
  CollectionPage,
  Graph,
  ImageObject,
  NewsArticle,
  NewsMediaOrganization,
  Person,
  ProfilePage,
  Thing,
  WebPage,
  WebSite,
} from "schema-dts";
import type { Article, Author, Section, Topic } from "@/lib/content/store";
import type { Crumb } from "./breadcrumbs";
import { site } from "./site";
import { CROPS, absoluteUrl, articlePath, authorPath, homePath, leadImageCropPath, sectionPath, socialProfileUrl, topicPath } from "./urls";

const ORGANIZATION_ID = absoluteUrl("/#organization");
const WEBSITE_ID = absoluteUrl("/#website");
const ref = (id: string) => ({ "@id": id });

/**
 * JSON for a `<script type="application/ld+json">`: escapes every character that could end the
 * script element or break the surrounding HTML, and the two line separators JavaScript rejects.
 * The result is still valid JSON that parses to the same value.
 */
export function serializeJsonLd(data: Graph): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function imageObject(path: string, size: { width: number; height: number }): ImageObject {
  return {
    "@type": "ImageObject",
    url: absoluteUrl(path),
    width: { "@type": "QuantitativeValue", value: size.width, unitCode: "E37" },
    height: { "@type": "QuantitativeValue", value: size.height, unitCode: "E37" },
  };
}

function organization(): NewsMediaOrganization {
  return {
    "@type": "NewsMediaOrganization",
    "@id": ORGANIZATION_ID,
    name: site.name,
    url: absoluteUrl(homePath()),
    logo: imageObject(site.logo.path, site.logo),
  };
}

function website(): WebSite {
  return {
    "@type": "WebSite",
    "@id": WEBSITE_ID,
    name: site.name,
    description: site.description,
    url: absoluteUrl(homePath()),
    inLanguage: site.language,
    publisher: ref(ORGANIZATION_ID),
  };
}

const personId = (author: Author) => absoluteUrl(`${authorPath(author.slug)}#person`);

function person(author: Author): Person {
  return {
    "@type": "Person",
    "@id": personId(author),
    name: author.name,
    url: absoluteUrl(authorPath(author.slug)),
    description: author.bio,
    sameAs: author.social.map(({ network, handle }) => socialProfileUrl(network, handle)),
    ...(author.photo ? { image: absoluteUrl(author.photo.src) } : {}),
  };
}

function breadcrumbList(id: string, trail: Crumb[]): BreadcrumbList {
  return {
    "@type": "BreadcrumbList",
    "@id": id,
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

const graph = (...nodes: Graph["@graph"]): Graph => ({ "@context": "https://schema.org", "@graph": nodes });

const topicThing = (topic: Topic): Thing => ({ "@type": "Thing", name: topic.name, url: absoluteUrl(topicPath(topic.slug)) });

/** A list page (section, subsection or topic) with its breadcrumbs. */
function collectionGraph(url: string, { name, description }: { name: string; description: string }, trail: Crumb[], about?: Thing): Graph {
  const breadcrumbId = `${url}#breadcrumb`;
  const collection: CollectionPage = {
    "@type": "CollectionPage",
    "@id": url,
    url,
    name,
    description,
    inLanguage: site.language,
    isPartOf: ref(WEBSITE_ID),
    breadcrumb: ref(breadcrumbId),
    ...(about ? { about } : {}),
  };
  return graph(collection, breadcrumbList(breadcrumbId, trail), website(), organization());
}

export function homeGraph(): Graph {
  return graph(website(), organization());
}

export function articleGraph(article: Article, authors: Author[], section: Section, trail: Crumb[], topics: Topic[] = []): Graph {
  const url = absoluteUrl(articlePath(article));
  const breadcrumbId = `${url}#breadcrumb`;
  const newsArticle: NewsArticle = {
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    headline: article.headline,
    description: article.description,
    image: (["1x1", "4x3", "16x9"] as const).map((crop) => absoluteUrl(leadImageCropPath(article, crop))),
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: authors.map(person),
    publisher: ref(ORGANIZATION_ID),
    mainEntityOfPage: ref(url),
    isPartOf: ref(WEBSITE_ID),
    articleSection: section.name,
    ...(topics.length ? { keywords: topics.map((topic) => topic.name), about: topics.map(topicThing) } : {}),
    inLanguage: article.language,
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    ...(article.corrections
      ? { correction: article.corrections.map(({ date, text }) => ({ "@type": "CorrectionComment" as const, text, datePublished: date })) }
      : {}),
    ...(article.source
      ? {
          isBasedOn: {
            "@type": "NewsArticle",
            url: article.source.url,
            publisher: { "@type": "NewsMediaOrganization", name: article.source.name, url: article.source.url },
          },
        }
      : {}),
  };
  const page: WebPage = {
    "@type": "WebPage",
    "@id": url,
    url,
    name: article.headline,
    isPartOf: ref(WEBSITE_ID),
    breadcrumb: ref(breadcrumbId),
    primaryImageOfPage: imageObject(leadImageCropPath(article, "16x9"), CROPS["16x9"]),
    inLanguage: site.language,
  };
  return graph(newsArticle, page, breadcrumbList(breadcrumbId, trail), website(), organization());
}

export function sectionGraph(section: Section, trail: Crumb[], page: number): Graph {
  return collectionGraph(absoluteUrl(sectionPath(section.path, page)), section, trail);
}

export function topicGraph(topic: Topic, trail: Crumb[], page: number): Graph {
  return collectionGraph(absoluteUrl(topicPath(topic.slug, page)), topic, trail, topicThing(topic));
}

export function authorGraph(author: Author, page: number): Graph {
  const url = absoluteUrl(authorPath(author.slug, page));
  const profile: ProfilePage = {
    "@type": "ProfilePage",
    "@id": url,
    url,
    name: author.name,
    inLanguage: site.language,
    isPartOf: ref(WEBSITE_ID),
    mainEntity: ref(personId(author)),
  };
  return graph(profile, person(author), website(), organization());
}
