/**
 * What each feed is of: its name, description, the page it follows and its own address. The feed
 * routes write them (lib/feeds.ts) and the pages advertise them (lib/metadata.ts) from these.
 */
import type { Author, Section, Topic } from "@/lib/content/store";
import { site } from "./site";
import { authorFeedPath, authorPath, feedPath, sectionPath, topicFeedPath, topicPath } from "./urls";

export interface FeedChannel {
  name: string;
  description: string;
  pagePath: string;
  feedPath: string;
}

export const sectionChannel = (section: Section): FeedChannel => ({
  name: section.name,
  description: section.description,
  pagePath: sectionPath(section.path),
  feedPath: feedPath(section.path),
});

export const topicChannel = (topic: Topic): FeedChannel => ({
  name: topic.name,
  description: topic.description,
  pagePath: topicPath(topic.slug),
  feedPath: topicFeedPath(topic.slug),
});

export const authorChannel = (author: Author): FeedChannel => ({
  name: author.name,
  description: `Artículos de ${author.name} en ${site.name}.`,
  pagePath: authorPath(author.slug),
  feedPath: authorFeedPath(author.slug),
});

/** A feed's title, in the feed itself and where pages advertise it. */
export const feedTitle = (channel: FeedChannel) => `${site.name}: ${channel.name}`;
