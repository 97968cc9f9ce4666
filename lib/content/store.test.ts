import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Article, ContentBundle } from "./bundle";
import { HOUR, testArticle } from "./test-article";

const NOW = Date.parse("2026-01-10T12:00:00Z");

const article = (slug: string, hoursAgo: number, changes: Partial<Article> = {}): Article =>
  testArticle(slug, hoursAgo, NOW, {
    section: slug.startsWith("eco") ? "economia/empleo" : "politica/elecciones",
    authors: [slug.endsWith("b") ? "bea" : "ana"],
    ...changes,
  });

let store: typeof import("./store");
let directory: string;

before(async () => {
  // The store reads .content/bundle.json under the working directory, as the server does.
  directory = await mkdtemp(path.join(tmpdir(), "gaceta-store-"));
  const bundle: ContentBundle = {
    compiledAt: NOW,
    prerender: { articles: 1000, listPages: 5 },
    siteUrl: "http://localhost:3000",
    sections: [],
    topics: [
      { slug: "empleo-joven", name: "Empleo joven", description: "Empleo joven." },
      { slug: "parlamento", name: "Parlamento", description: "Parlamento." },
      { slug: "archivo", name: "Archivo", description: "Archivo." },
    ],
    authors: [],
    articles: [
      article("politica-futura-a", -2, { formerPaths: ["/politica/elecciones/futura-antes"], topics: ["parlamento"] }),
      article("economia-futura-b", -1, { topics: ["empleo-joven", "parlamento"] }),
      article("politica-a", 1, {
        formerPaths: ["/politica/parlamento/politica-a", "/politica/elecciones/titulo-antiguo"],
        topics: ["parlamento"],
      }),
      article("borrador-b", 2, {
        status: "draft",
        formerPaths: ["/politica/elecciones/borrador-antes"],
        topics: ["empleo-joven", "parlamento"],
      }),
      article("economia-b", 3, { topics: ["empleo-joven", "parlamento"], bodyAt: [6, 14] }),
      article("politica-antigua-b", 48, { topics: ["parlamento", "archivo"] }),
    ],
    withdrawals: [{ path: "/politica/elecciones/retirado", withdrawnAt: "2026-01-09T10:00:00Z", reason: "Por orden judicial." }],
    bodiesFile: "bodies-1.md",
  };
  await mkdir(path.join(directory, ".content"));
  await writeFile(path.join(directory, ".content", "bundle.json"), JSON.stringify(bundle));
  // "Año" takes four bytes: places count bytes, not characters.
  await writeFile(path.join(directory, ".content", "bodies-1.md"), "Otro. Año *b*. Más.");
  process.chdir(directory);
  store = await import("./store");
});

after(() => rm(directory, { recursive: true, force: true }));

test("an article is a draft, scheduled or published by its status and time", () => {
  assert.equal(store.articleState({ status: "draft", publishedAt: "2020-01-01T00:00:00Z" }, NOW), "draft");
  assert.equal(store.articleState({ status: "published", publishedAt: new Date(NOW + 1000).toISOString() }, NOW), "scheduled");
  assert.equal(store.articleState({ status: "published", publishedAt: new Date(NOW).toISOString() }, NOW), "published");
});

test("an article's body is read from the bodies file, at its place there", () => {
  assert.equal(store.getArticleBody(store.getArticle("economia-b")!), "Año *b*");
});

test("public lists leave out drafts and articles whose time has not come", () => {
  const slugs = (list: Article[]) => list.map((a) => a.slug);
  assert.deepEqual(slugs(store.listPublicArticles({}, NOW)), ["politica-a", "economia-b", "politica-antigua-b"]);
  assert.deepEqual(slugs(store.listPublicArticles({ section: "politica" }, NOW)), ["politica-a", "politica-antigua-b"]);
  assert.deepEqual(slugs(store.listPublicArticles({ section: "economia/empleo" }, NOW)), ["economia-b"]);
  assert.deepEqual(slugs(store.listPublicArticles({ author: "bea" }, NOW)), ["economia-b", "politica-antigua-b"]);
  assert.deepEqual(slugs(store.listPublicArticles({ section: "nada" }, NOW)), []);
  assert.deepEqual(slugs(store.listPublicArticles({ topic: "empleo-joven" }, NOW)), ["economia-b"]);
  assert.deepEqual(slugs(store.listPublicArticles({ topic: "empleo-joven" }, NOW + 3 * HOUR)), ["economia-futura-b", "economia-b"]);
  assert.equal(store.getTopic("empleo-joven")?.name, "Empleo joven");
  assert.equal(store.getTopic("nada"), undefined);
});

test("scheduled articles join the lists as their time comes, without reloading", () => {
  const slugs = (list: Article[]) => list.map((a) => a.slug);
  assert.deepEqual(slugs(store.listPublicArticles({}, NOW + 1.5 * HOUR)), [
    "economia-futura-b",
    "politica-a",
    "economia-b",
    "politica-antigua-b",
  ]);
  assert.deepEqual(slugs(store.listPublicArticles({}, NOW + 3 * HOUR)).slice(0, 2), ["politica-futura-a", "economia-futura-b"]);
  assert.deepEqual(slugs(store.listPublishedOrScheduledArticles({ section: "economia" })), ["economia-futura-b", "economia-b"]);
});

test("the list under an article holds the newest public articles of its subsection, never itself", () => {
  const slugs = (list: Article[]) => list.map((a) => a.slug);
  const oldest = store.getArticle("politica-antigua-b")!;
  const newest = store.getArticle("politica-a")!;
  assert.deepEqual(slugs(store.moreFromSection(oldest, 3, NOW)), ["politica-a"], "no draft, nothing scheduled");
  assert.deepEqual(slugs(store.moreFromSection(newest, 3, NOW)), ["politica-antigua-b"]);
  assert.deepEqual(
    slugs(store.moreFromSection(oldest, 3, NOW + 3 * HOUR)),
    ["politica-futura-a", "politica-a"],
    "a scheduled article joins at its time",
  );
  assert.deepEqual(slugs(store.moreFromSection(oldest, 1, NOW + 3 * HOUR)), ["politica-futura-a"]);
  assert.deepEqual(slugs(store.moreFromSection(newest, 1, NOW + 3 * HOUR)), ["politica-futura-a"]);
  assert.deepEqual(
    slugs(store.moreFromSection(store.getArticle("politica-futura-a")!, 1, NOW + 3 * HOUR)),
    ["politica-a"],
    "itself left out, the count still met",
  );
  assert.deepEqual(store.moreFromSection({ slug: "x", section: "nada/nada" }, 3, NOW), []);
});

test("the list under an article leaves out what the related list above it shows, the count still met", () => {
  const slugs = (list: Article[]) => list.map((a) => a.slug);
  const listedAbove = [store.getArticle("politica-futura-a")!, store.getArticle("economia-b")!];
  assert.deepEqual(slugs(store.moreFromSection(store.getArticle("politica-a")!, 1, NOW + 3 * HOUR, listedAbove)), ["politica-antigua-b"]);
  assert.deepEqual(slugs(store.moreFromSection(store.getArticle("politica-a")!, 1, NOW + 3 * HOUR)), ["politica-futura-a"]);
});

test("related articles share the most topics with the article, then its main topic, newest first among equals, from any section", () => {
  const slugs = (list: Article[]) => list.map((a) => a.slug);
  const economia = store.getArticle("economia-b")!;
  assert.deepEqual(
    slugs(store.relatedArticles(economia, 3, NOW)),
    ["politica-a", "politica-antigua-b"],
    "no draft, nothing scheduled, never itself",
  );
  assert.deepEqual(
    slugs(store.relatedArticles(economia, 3, NOW + 3 * HOUR)),
    ["economia-futura-b", "politica-futura-a", "politica-a"],
    "two topics in common before one; scheduled articles join at their time",
  );
  assert.deepEqual(slugs(store.relatedArticles(store.getArticle("politica-antigua-b")!, 2, NOW)), ["politica-a", "economia-b"]);
  // One topic in common each: the one that shares the main topic first, however old.
  assert.deepEqual(slugs(store.relatedArticles({ slug: "x", topics: ["archivo", "empleo-joven"] }, 3, NOW)), [
    "politica-antigua-b",
    "economia-b",
  ]);
  assert.deepEqual(slugs(store.relatedArticles({ slug: "x", topics: ["empleo-joven", "archivo"] }, 3, NOW)), [
    "economia-b",
    "politica-antigua-b",
  ]);
  assert.deepEqual(store.relatedArticles({ slug: "x", topics: [] }, 3, NOW), []);
  assert.deepEqual(store.relatedArticles({ slug: "x", topics: ["nada"] }, 3, NOW), []);
});

test("under an article, the related list comes first and the subsection's list never repeats it", () => {
  const slugs = (list: Article[]) => list.map((a) => a.slug);
  const onward = store.onwardReading(store.getArticle("politica-a")!, { related: 1, moreFromSection: 3 }, NOW + 3 * HOUR);
  assert.deepEqual(slugs(onward.related), ["politica-futura-a"]);
  assert.deepEqual(slugs(onward.moreFromSection), ["politica-antigua-b"]);
});

test("lookups by slug see every article, drafts included", () => {
  assert.equal(store.getArticle("borrador-b")?.status, "draft");
  assert.equal(store.getArticle("no-existe"), undefined);
  assert.equal(store.getArticle("__proto__"), undefined);
});

test("a former address leads to its article once the article is public, never before", () => {
  assert.equal(store.getMovedArticle("/politica/parlamento/politica-a", NOW)?.slug, "politica-a");
  assert.equal(store.getMovedArticle("/politica/elecciones/titulo-antiguo", NOW)?.slug, "politica-a");
  assert.equal(store.getMovedArticle("/politica/elecciones/borrador-antes", NOW), undefined);
  assert.equal(store.getMovedArticle("/politica/elecciones/futura-antes", NOW), undefined);
  assert.equal(store.getMovedArticle("/politica/elecciones/futura-antes", NOW + 3 * HOUR)?.slug, "politica-futura-a");
  assert.equal(store.getMovedArticle("/politica/elecciones/politica-a", NOW), undefined);
  assert.equal(store.getMovedArticle("__proto__", NOW), undefined);
});

test("a withdrawn article's address is found by its exact path", () => {
  assert.equal(store.getWithdrawal("/politica/elecciones/retirado")?.reason, "Por orden judicial.");
  assert.equal(store.getWithdrawal("/politica/elecciones/retirado/"), undefined);
  assert.equal(store.getWithdrawal("/politica/elecciones/politica-a"), undefined);
});
