/**
 * The `<head>` of every page type: title, description, canonical, feeds, OpenGraph, X card and
 * robots, built from the content the page renders and the URL functions in ./urls.
 */
import type { Metadata } from "next";
import type { Article, Author, Section, Topic } from "@/lib/content/store";
import { authorChannel, feedTitle, sectionChannel, topicChannel, type FeedChannel } from "./feed-channels";
import { site } from "./site";
import {
  CROPS,
  absoluteUrl,
  articlePath,
  authorPath,
  authorsPath,
  feedPath,
  homePath,
  leadImageCropPath,
  sectionPath,
  topicPath,
  topicsPath,
} from "./urls";

/** Public pages invite large image previews; previews and error pages are never indexed. */
export const PUBLIC_ROBOTS: Metadata["robots"] = {
  index: true,
  follow: true,
  "max-image-preview": "large",
  "max-snippet": -1,
  "max-video-preview": -1,
};

export const NOINDEX_ROBOTS: Metadata["robots"] = { index: false, follow: false };

interface SocialImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

const defaultSocialImage: SocialImage = {
  url: absoluteUrl(site.socialImage.path),
  width: site.socialImage.width,
  height: site.socialImage.height,
  alt: site.socialImage.alt,
};

/** The site's feed, then those of what the page belongs to. */
function feeds(channels: FeedChannel[]) {
  const list = [{ url: absoluteUrl(feedPath()), title: `${site.name}: últimas noticias` }];
  for (const channel of channels) list.push({ url: absoluteUrl(channel.feedPath), title: feedTitle(channel) });
  return { "application/rss+xml": list };
}

interface PageMetadata {
  title: string;
  /** Use the title as is, without " | Gaceta". */
  absoluteTitle?: boolean;
  description: string;
  path: string;
  image?: SocialImage;
  /** Feeds the page advertises after the site's: of its section and subsection, topic or author. */
  feedChannels?: FeedChannel[];
}

function pageMetadata({ title, absoluteTitle, description, path, image = defaultSocialImage, feedChannels = [] }: PageMetadata): Metadata {
  const url = absoluteUrl(path);
  return {
    title: absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical: url, types: feeds(feedChannels) },
    openGraph: {
      type: "website",
      title,
      description,
      url,
      siteName: site.name,
      locale: site.locale,
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image.url, alt: image.alt }] },
    robots: PUBLIC_ROBOTS,
  };
}

const pageSuffix = (page: number) => (page > 1 ? `, página ${page}` : "");

export function homeMetadata(): Metadata {
  return pageMetadata({ title: `${site.name}: ${site.tagline}`, absoluteTitle: true, description: site.description, path: homePath() });
}

export function sectionMetadata(section: Section, page: number, parent?: Section): Metadata {
  const name = parent ? `${section.name} (${parent.name})` : section.name;
  return pageMetadata({
    title: `${name}${pageSuffix(page)}`,
    description: page > 1 ? `${section.description} Página ${page}.` : section.description,
    path: sectionPath(section.path, page),
    feedChannels: (parent ? [parent, section] : [section]).map(sectionChannel),
  });
}

export function authorMetadata(author: Author, page: number): Metadata {
  return pageMetadata({
    title: `${author.name}${pageSuffix(page)}`,
    description: `Artículos de ${author.name} en ${site.name}. ${author.bio}`.slice(0, 300),
    path: authorPath(author.slug, page),
    feedChannels: [authorChannel(author)],
  });
}

export function authorsMetadata(): Metadata {
  return pageMetadata({
    title: "Autores",
    description: `Las periodistas y los periodistas que escriben en ${site.name}.`,
    path: authorsPath(),
  });
}

export function topicMetadata(topic: Topic, page: number): Metadata {
  return pageMetadata({
    title: `${topic.name}${pageSuffix(page)}`,
    description: page > 1 ? `${topic.description} Página ${page}.` : topic.description,
    path: topicPath(topic.slug, page),
    feedChannels: [topicChannel(topic)],
  });
}

export function topicsMetadata(): Metadata {
  return pageMetadata({
    title: "Temas",
    description: `Los temas que sigue ${site.name}, de una sección a otra.`,
    path: topicsPath(),
  });
}

interface ArticleContext {
  section: Section;
  topSection: Section;
  authors: Author[];
  topics?: Topic[];
  preview?: boolean;
}

export function articleMetadata(
  article: Article,
  { section, topSection, authors, topics = [], preview = false }: ArticleContext,
): Metadata {
  const image: SocialImage = {
    url: absoluteUrl(leadImageCropPath(article, "og")),
    ...CROPS.og,
    alt: article.leadImage.alt,
  };
  const base = pageMetadata({
    title: article.headline,
    description: article.description,
    path: articlePath(article),
    image,
    feedChannels: [topSection, section].map(sectionChannel),
  });
  return {
    ...base,
    authors: authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPath(author.slug)) })),
    openGraph: {
      ...base.openGraph,
      type: "article",
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt ?? article.publishedAt,
      section: section.name,
      authors: authors.map((author) => absoluteUrl(authorPath(author.slug))),
      tags: topics.map((topic) => topic.name),
    },
    robots: preview ? NOINDEX_ROBOTS : PUBLIC_ROBOTS,
  };
}

/** Search results are never indexed (an endless set of pages of other pages), but their links are followed. */
export function searchMetadata(query: string): Metadata {
  return {
    title: query ? `Resultados para «${query}»` : "Buscar",
    description: `Busca en los artículos de ${site.name}.`,
    robots: { index: false, follow: true },
  };
}
