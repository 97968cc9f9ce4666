import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { ContentBundle } from "./content/bundle";
import { HOUR, testArticle } from "./content/test-article";
import { site } from "./site";

const NOW = Date.parse("2026-01-10T12:00:00Z");

let listingRoutes: typeof import("./listing-routes");
let prerender: typeof import("./prerender");
let directory: string;

before(async () => {
  // Ana and Bea each have exactly one page of public articles, in Elecciones (all on Canada) and in
  // Empleo. Then two of Ana's are scheduled (in 1 and 2 hours); Bea has a draft dated in 3.
  const ana = Array.from({ length: site.pageSize }, (_, index) => testArticle(`ana-${index}`, index + 1, NOW, { topics: ["canada"] }));
  const anaLater = [2, 1].map((hours) => testArticle(`ana-programado-${hours}`, -hours, NOW, { topics: ["canada"] }));
  const bea = Array.from({ length: site.pageSize }, (_, index) =>
    testArticle(`bea-${index}`, index + 1, NOW, { section: "economia/empleo", authors: ["bea"] }),
  );
  const beaDraft = testArticle("bea-borrador", -3, NOW, { section: "economia/empleo", authors: ["bea"], status: "draft" });
  const section = (slug: string, name: string, subsections: string[]) => ({ slug, name, description: name, path: slug, subsections });
  const subsection = (parent: string, slug: string, name: string) => ({
    slug,
    name,
    description: name,
    path: `${parent}/${slug}`,
    parent,
    subsections: [],
  });
  const bundle: ContentBundle = {
    compiledAt: NOW,
    // The build prerendered the three newest articles and no later list page; the server's own
    // environment, set below, says otherwise.
    prerender: { articles: 3, listPages: 1 },
    siteUrl: "http://localhost:3000",
    sections: [
      section("politica", "Política", ["politica/elecciones"]),
      subsection("politica", "elecciones", "Elecciones"),
      section("economia", "Economía", ["economia/empleo"]),
      subsection("economia", "empleo", "Empleo"),
    ],
    topics: [{ slug: "canada", name: "Canadá", description: "Canadá." }],
    authors: [
      { slug: "ana", name: "Ana", bio: "Ana.", social: [] },
      { slug: "bea", name: "Bea", bio: "Bea.", social: [] },
    ],
    articles: [beaDraft, ...anaLater, ...ana, ...bea].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt)),
    withdrawals: [],
    bodiesFile: "bodies.md",
  };
  // The store reads .content/bundle.json under the working directory, as the server does.
  directory = await mkdtemp(path.join(tmpdir(), "gaceta-listings-"));
  await mkdir(path.join(directory, ".content"));
  await writeFile(path.join(directory, ".content", "bundle.json"), JSON.stringify(bundle));
  process.chdir(directory);
  process.env.PRERENDER_ARTICLES = "1000";
  process.env.PRERENDER_LIST_PAGES = "5";
  listingRoutes = await import("./listing-routes");
  prerender = await import("./prerender");
});

after(() => rm(directory, { recursive: true, force: true }));

test("what was prerendered is the build's record, whatever the server's environment says", () => {
  assert.deepEqual(
    prerender.prerenderedArticles().map((article) => article.slug),
    ["ana-programado-2", "ana-programado-1", "ana-0"],
  );
  // So the first request of any other page is made lean as it is sent (lib/request-guard.ts).
  const pages = [...listingRoutes.laterListPages().entries()];
  assert.ok(pages.length > 0);
  assert.deepEqual(
    pages.filter(([, page]) => page.prerendered),
    [],
  );
});

test("a later list page that is empty until scheduled articles come opens with the first of them", () => {
  const inOneHour = NOW + HOUR;
  assert.deepEqual([...listingRoutes.listPagesOpeningAfter(NOW)].sort(), [
    ["/autores/ana/pagina/2", inOneHour],
    ["/politica/elecciones/pagina/2", inOneHour],
    ["/politica/pagina/2", inOneHour],
    ["/temas/canada/pagina/2", inOneHour],
  ]);
  // From that time on the page has a public article.
  assert.deepEqual([...listingRoutes.listPagesOpeningAfter(inOneHour)], []);
});
