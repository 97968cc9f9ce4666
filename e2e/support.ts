import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIResponse, type Page } from "@playwright/test";
import { previewQuery } from "../lib/preview";
import { E2E_DIR } from "./paths";

export { siteTree } from "./paths";

export const SAMPLE_PATH = "/democracia-y-politica/elecciones/canada-takes-global-role-in-countering-electoral-interference-in-cyberspace";
export const SECTION_PATH = "/democracia-y-politica";
export const SUBSECTION_PATH = "/democracia-y-politica/elecciones";
export const AUTHOR_PATH = "/autores/alex-boutilier";
/** One of the sample's topics, under which e2e/site-content.ts files every fixture too. */
export const TOPIC_PATH = "/temas/desinformacion";

interface FixtureArticle {
  slug: string;
  path: string;
  headline: string;
}

export interface E2EFixtures {
  siteUrl: string;
  previewSecret: string;
  /** `image`: its lead image, its own, under /images/. */
  draft: FixtureArticle & { text: string; formerPath: string; image: string };
  /**
   * `opensListPage`: a later page of a list that has no article until the scheduled one's time,
   * when it pushes the list's oldest there.
   */
  scheduled: FixtureArticle & { text: string; publishedAt: string; formerPath: string; opensListPage: string; image: string };
  moved: FixtureArticle & { formerPaths: string[] };
  /** Its headline, standfirst, caption and co-author's name try to break out of every format. */
  xss: FixtureArticle & { standfirst: string; caption: string; author: string };
  corrected: FixtureArticle & { corrections: { date: string; text: string }[] };
  /** Older than every other fixture, and the only one to share two of the sample's topics. */
  related: FixtureArticle;
  /** Years old: the build does not prerender it, and no test but archive.spec.ts asks for it. */
  archived: FixtureArticle;
  filler: { slug: string; path: string }[];
  withdrawn: { path: string; withdrawnAt: string; reason: string };
  /** A topic no article is filed under. */
  unusedTopic: string;
}

/** Written by e2e/site-content.ts when it builds the site under test; read when a test runs. */
export function fixtures(): E2EFixtures {
  return JSON.parse(readFileSync(path.join(E2E_DIR, "fixtures.json"), "utf8")) as E2EFixtures;
}

export const hoursFromNow = (hours: number) => Math.floor(Date.now() / 1000 + hours * 3600);

/** A signed preview link for the article with this slug, valid for an hour unless told otherwise. */
export const previewLink = (slug: string, expires = hoursFromNow(1)) =>
  `/api/preview?${previewQuery({ slug, expires }, fixtures().previewSecret)}`;

/**
 * The seed article as the page must show it, read from a copy of shared/seed/sample-article.txt
 * (see its README for which line is which part of the page).
 */
export function seed() {
  const lines = readFileSync(path.resolve("e2e/fixtures/sample-article.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const [breadcrumbs, headline, caption, ...rest] = lines;
  const authorIndex = rest.indexOf("Alex Boutilier");
  const body = rest.slice(0, authorIndex);
  const [authorName, authorLine, buttonLabel] = rest.slice(authorIndex);
  const handle = authorLine!.match(/@\w+/)![0];
  return {
    breadcrumbs: breadcrumbs!, // "Democracia y PolíticaElecciones": the two links, run together
    headline: headline!,
    caption: caption!,
    /** "OTTAWA—The Canadian…": the dateline opens the first paragraph. */
    body,
    authorName: authorName!,
    /** The Star's "Follow him on Twitter: @handle" becomes the card's social link. */
    bio: authorLine!.replace(/\s*Follow him on Twitter:.*$/, ""),
    handle,
    /** "Botón volver arriba": a button named "Volver arriba". */
    buttonName: buttonLabel!.replace(/^Botón\s+/, "").replace(/^./, (c) => c.toUpperCase()),
  };
}

/** Runs axe (WCAG 2.0, 2.1 and 2.2, A and AA) on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
  }));
  expect(summary).toEqual([]);
}

/** Every JSON-LD block of the page, parsed. */
export async function readJsonLd(page: Page): Promise<Array<{ "@context": string; "@graph": Record<string, unknown>[] }>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text));
}

/**
 * A response's text with the site's ASCII escapes undone (character references in markup, \u
 * escapes in scripts; lib/ascii-html.ts), so that a check for a string finds it however it was sent.
 */
export const unescaped = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);|&#(\d+);/gi, (_, hex: string | undefined, decimal: string | undefined) =>
      String.fromCodePoint(hex ? parseInt(hex, 16) : Number(decimal)),
    )
    .replace(/\\u([0-9a-f]{4})/gi, (_, unit: string) => String.fromCharCode(parseInt(unit, 16)));

export async function readUnescaped(response: APIResponse) {
  return unescaped(await response.text());
}

/** Where the first byte beyond ASCII sits in a response's body, or -1: pages are stored as ASCII (lib/ascii-html.ts). */
export async function firstByteBeyondAscii(response: APIResponse) {
  return (await response.body()).findIndex((byte) => byte > 0x7f);
}

export const meta = (page: Page, selector: string) => page.locator(selector).first().getAttribute("content");
