/**
 * One function for each kind of URL on the site. Pages, links, sitemaps, feeds, metadata and
 * JSON-LD all call these, so an address is written in exactly one place.
 */
import type { Article } from "@/lib/content/bundle";
import type { SocialNetwork } from "@/content/schema";
import { site } from "./site";

export const homePath = () => "/";

export const articlePath = (article: Pick<Article, "section" | "slug">) => `/${article.section}/${article.slug}`;

/** A section or subsection ("democracia-y-politica/elecciones"), optionally a later page of it. */
export const sectionPath = (section: string, page = 1) => (page > 1 ? `/${section}/pagina/${page}` : `/${section}`);

/** The route segments of a subsection path: "democracia-y-politica/elecciones" → both slugs. */
export function sectionSegments(path: string) {
  const [section = "", subsection = ""] = path.split("/");
  return { section, subsection };
}

export const authorsPath = () => "/autores";

export const authorPath = (slug: string, page = 1) => (page > 1 ? `/autores/${slug}/pagina/${page}` : `/autores/${slug}`);

export const topicsPath = () => "/temas";

export const topicPath = (slug: string, page = 1) => (page > 1 ? `/temas/${slug}/pagina/${page}` : `/temas/${slug}`);

/** How search results can be ordered, as the `orden` parameter names it; the first is the default. */
export const SEARCH_ORDERS = ["recientes", "relevancia"] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/** The order a search address asks for: the default for anything else. */
export const parseSearchOrder = (value: string | string[] | undefined): SearchOrder =>
  SEARCH_ORDERS.find((order) => order === (Array.isArray(value) ? value[0] : value)) ?? SEARCH_ORDERS[0];

/** The search page, or its results for a query, optionally in another order or a later page of them. */
export function searchPath(query = "", page = 1, order: SearchOrder = SEARCH_ORDERS[0]): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (query && order !== SEARCH_ORDERS[0]) params.set("orden", order);
  if (query && page > 1) params.set("pagina", String(page));
  const search = params.toString();
  return search ? `/buscar?${search}` : "/buscar";
}

export const feedPath = (section?: string) => (section ? `/${section}/feed.xml` : "/feed.xml");
export const topicFeedPath = (slug: string) => `${topicPath(slug)}/feed.xml`;
export const authorFeedPath = (slug: string) => `${authorPath(slug)}/feed.xml`;

export const sitemapPath = () => "/sitemap.xml";
export const childSitemapPath = (index: number) => `/sitemaps/${index}.xml`;
export const newsSitemapPath = () => "/news-sitemap.xml";

/** Crops of an article's lead image, for social cards and structured data. */
export const CROPS = {
  og: { width: 1200, height: 630 },
  "16x9": { width: 1200, height: 675 },
  "4x3": { width: 1200, height: 900 },
  "1x1": { width: 1200, height: 1200 },
} as const;
export type CropName = keyof typeof CROPS;

export const leadImageCropPath = (article: Pick<Article, "slug">, crop: CropName) => `/recortes/${article.slug}/${crop}.jpg`;

export const previewPath = () => "/api/preview";
/** The site's one script, the back-to-top button's (public/back-to-top.js). */
export const backToTopScriptPath = () => "/back-to-top.js";
export const exitPreviewPath = (slug: string) => `${previewPath()}/exit?slug=${encodeURIComponent(slug)}`;

/**
 * The absolute form of a site path, always on SITE_URL. The home page is the bare origin, as
 * Next.js writes its canonical, so canonical, og:url, sitemaps and JSON-LD agree.
 */
export const absoluteUrl = (path: string) => (path === "/" ? site.url.origin : new URL(path, site.url).href);

export function socialProfileUrl(network: SocialNetwork, handle: string): string {
  const name = handle.replace(/^@/, "");
  switch (network) {
    case "x":
      return `https://x.com/${encodeURIComponent(name)}`;
    case "bluesky":
      return `https://bsky.app/profile/${encodeURIComponent(name)}`;
    case "instagram":
      return `https://www.instagram.com/${encodeURIComponent(name)}/`;
    case "linkedin":
      return `https://www.linkedin.com/in/${encodeURIComponent(name)}/`;
    case "mastodon": {
      const [user, server] = name.split("@");
      return `https://${server}/@${encodeURIComponent(user ?? "")}`;
    }
    case "website":
      return handle;
  }
}
