/**
 * The one site configuration module: every page, feed, sitemap and JSON-LD object reads the
 * site's name, address, language and time zone from here.
 */

const DEFAULT_SITE_URL = "http://localhost:3000";

/**
 * The public address of the site, from `SITE_URL` (read at build and at start). Absolute URLs are
 * always built from it, never from a request's Host header, so a forged Host cannot change them.
 */
export function readSiteUrl(value = process.env.SITE_URL): URL {
  const raw = value?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not an absolute URL such as https://gaceta.example`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`SITE_URL "${raw}" must use http or https`);
  }
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    throw new Error(`SITE_URL "${raw}" must be an origin only, without path, query or credentials`);
  }
  return new URL(url.origin);
}

/**
 * Refuses to serve a build with another SITE_URL than it was made for: its stored pages, feeds
 * and sitemaps name that address, and the pages rendered on request would name another.
 */
export function checkBuiltFor(builtFor: string, current = readSiteUrl().origin): void {
  if (builtFor === current) return;
  throw new Error(
    `SITE_URL is ${current}, but the site was built for ${builtFor}, which its stored pages, feeds and sitemaps name: ` +
      `start the server with SITE_URL=${builtFor}, or build again with ${current}`,
  );
}

export interface PrerenderLimits {
  articles: number;
  listPages: number;
}

/**
 * How much of the archive the build prerenders, from `PRERENDER_ARTICLES` (the newest articles,
 * scheduled ones included; 1,000 if unset) and `PRERENDER_LIST_PAGES` (the first pages of every
 * list; 5 if unset). Everything else renders on its first request and is stored from then on.
 */
export function readPrerenderLimits(env: Record<string, string | undefined> = process.env): PrerenderLimits {
  const read = (name: string, fallback: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!/^\d{1,7}$/.test(raw)) throw new Error(`${name} "${raw}" is not a whole number such as ${fallback}`);
    return Number(raw);
  };
  return { articles: read("PRERENDER_ARTICLES", 1000), listPages: read("PRERENDER_LIST_PAGES", 5) };
}

export const site = {
  name: "Gaceta",
  tagline: "Periodismo abierto sobre democracia, política y sociedad",
  description: "Gaceta publica noticias y análisis sobre democracia, elecciones y política, con las fuentes a la vista.",
  url: readSiteUrl(),
  /** The interface language; articles may be written in another one. */
  language: "es",
  locale: "es_ES",
  timeZone: "Europe/Madrid",
  /** Publisher logo for structured data: a square PNG in `public/`. */
  logo: { path: "/logo.png", width: 512, height: 512 },
  /** Social card for pages that have no lead image of their own. */
  socialImage: { path: "/og-default.png", width: 1200, height: 630, alt: "Gaceta: periodismo abierto" },
  /** Articles per page on section and author pages. */
  pageSize: 20,
  /** Articles on the home page: the lead story and four rows of three. */
  homeSize: 13,
  /** Articles in the "Noticias relacionadas" list under an article. */
  relatedArticlesSize: 3,
  /** Articles in the "Más en {subsección}" list under an article, after the related ones. */
  moreFromSectionSize: 4,
  /** Google News' publication name for the news sitemap. */
  newsPublicationName: "Gaceta",
} as const;
