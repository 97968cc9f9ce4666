/**
 * The compiled content: what `npm run check:content -- --write` (run by `npm run build`) produces
 * from the editors' modules and what the site reads at build and run time. Articles arrive here
 * validated, with their derived fields filled in once, so no page repeats that work.
 */
import path from "node:path";
import type { ArticleData, AuthorData, Topic, Withdrawal } from "../../content/schema";
import type { PrerenderLimits } from "../site";
import type { BodyPlace } from "./bodies";

export type { Topic, Withdrawal } from "../../content/schema";

export const BUNDLE_PATH = path.join(process.cwd(), ".content", "bundle.json");

export interface ImageSize {
  width: number;
  height: number;
  /** File size, for feed enclosures. */
  bytes: number;
}

export interface Section {
  slug: string;
  name: string;
  description: string;
  /** "democracia-y-politica" or "democracia-y-politica/elecciones". */
  path: string;
  /** The parent's path, for subsections. */
  parent?: string;
  /** Paths of the subsections, for sections. */
  subsections: string[];
}

export type Author = Omit<AuthorData, "photo"> & {
  photo?: NonNullable<AuthorData["photo"]> & ImageSize;
};

export type Article = Omit<ArticleData, "leadImage" | "body"> & {
  leadImage: ArticleData["leadImage"] & ImageSize;
  /** Where its body is in the bodies file: bodies are read when a page is rendered, not held. */
  bodyAt: BodyPlace;
  /** The standfirst, or the start of the body cut at a word boundary. */
  description: string;
  wordCount: number;
};

export interface ContentBundle {
  /** When the content was compiled (ms): the build's view of "now". */
  compiledAt: number;
  /**
   * What the build prerenders (lib/prerender.ts), as `PRERENDER_ARTICLES` and
   * `PRERENDER_LIST_PAGES` were when `npm run build` compiled the content. The server reads it
   * here, never from its own environment: one started with other settings must still know which
   * pages have no stored copy yet, whose first answer it makes lean (lib/request-guard.ts).
   */
  prerender: PrerenderLimits;
  /**
   * The `SITE_URL` the build is made for: its stored pages, feeds and sitemaps name it, so a
   * server started with another refuses to start (scripts/serve.ts, lib/site.ts).
   */
  siteUrl: string;
  sections: Section[];
  /** In the order of topics.ts. */
  topics: Topic[];
  authors: Author[];
  /** Newest first. Includes drafts and scheduled articles: visibility is decided when read. */
  articles: Article[];
  /** Addresses of articles taken down, answered 410 Gone. */
  withdrawals: Withdrawal[];
  /** The file beside the bundle that holds the articles' bodies (./bodies.ts). */
  bodiesFile: string;
}
