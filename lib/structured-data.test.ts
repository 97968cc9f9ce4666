import assert from "node:assert/strict";
import { test } from "node:test";
import type { Article, Author, Section } from "@/lib/content/bundle";
import { articleGraph, serializeJsonLd, topicGraph } from "./structured-data";

test("serialized JSON-LD cannot close its script element and parses back to the same data", () => {
  const headline = "</script><script>alert(1)</script> & <!-- \u2028 \u2029";
  const data = { "@context": "https://schema.org" as const, "@graph": [{ "@type": "Thing" as const, name: headline }] };
  const json = serializeJsonLd(data);
  assert.ok(!/[<>&\u2028\u2029]/.test(json), json);
  assert.ok(json.includes("\\u003c/script\\u003e"));
  assert.deepEqual(JSON.parse(json), data);
});

test("the article graph is built from the article the page renders", () => {
  const article = {
    slug: "una-noticia",
    status: "published",
    headline: "Una noticia",
    section: "politica/elecciones",
    authors: ["ana"],
    publishedAt: "2020-05-26T12:00:00-04:00",
    updatedAt: "2020-05-27T08:00:00+02:00",
    language: "en",
    leadImage: { src: "/images/a.jpg", alt: "a", caption: "c", credit: "f", width: 1600, height: 900, bytes: 1 },
    bodyAt: [0, 1],
    description: "Descripción.",
    wordCount: 321,
    source: { name: "Toronto Star", url: "https://www.thestar.com/" },
    corrections: [{ date: "2020-05-27T08:00:00+02:00", text: "Se corrigió el nombre del ministerio." }],
  } satisfies Article;
  const author: Author = { slug: "ana", name: "Ana", bio: "Periodista.", social: [{ network: "x", handle: "@ana" }] };
  const section: Section = {
    slug: "elecciones",
    name: "Elecciones",
    description: "",
    path: "politica/elecciones",
    parent: "politica",
    subsections: [],
  };
  const trail = [
    { name: "Inicio", path: "/" },
    { name: "Política", path: "/politica" },
    { name: "Elecciones", path: "/politica/elecciones" },
  ];
  const graph = articleGraph(article, [author], section, trail)["@graph"] as unknown as Record<string, any>[];
  const news = graph.find((node) => node["@type"] === "NewsArticle")!;
  assert.equal(news.headline, "Una noticia");
  assert.equal(news.datePublished, article.publishedAt);
  assert.equal(news.dateModified, article.updatedAt);
  assert.equal(news.inLanguage, "en");
  assert.equal(news.wordCount, 321);
  assert.deepEqual(
    news.image,
    ["1x1", "4x3", "16x9"].map((crop) => `http://localhost:3000/recortes/una-noticia/${crop}.jpg`),
  );
  assert.deepEqual(news.author[0].sameAs, ["https://x.com/ana"]);
  assert.equal(news.author[0].url, "http://localhost:3000/autores/ana");
  assert.equal(news.isBasedOn.url, "https://www.thestar.com/");
  assert.deepEqual(news.correction, [
    { "@type": "CorrectionComment", text: "Se corrigió el nombre del ministerio.", datePublished: "2020-05-27T08:00:00+02:00" },
  ]);
  assert.equal(
    articleGraph({ ...article, corrections: undefined }, [author], section, trail)["@graph"].some((node) => "correction" in Object(node)),
    false,
  );
  const breadcrumbs = graph.find((node) => node["@type"] === "BreadcrumbList")!;
  assert.deepEqual(
    breadcrumbs.itemListElement.map((item: any) => [item.position, item.name, item.item]),
    [
      [1, "Inicio", "http://localhost:3000"],
      [2, "Política", "http://localhost:3000/politica"],
      [3, "Elecciones", "http://localhost:3000/politica/elecciones"],
    ],
  );
});

test("an article's topics are its keywords and what it is about, each with its page", () => {
  const article = {
    slug: "otra",
    status: "published",
    headline: "Otra",
    section: "politica/elecciones",
    authors: [],
    topics: ["canada"],
    publishedAt: "2020-05-26T12:00:00-04:00",
    language: "es",
    leadImage: { src: "/images/a.jpg", alt: "a", caption: "c", credit: "f", width: 1600, height: 900, bytes: 1 },
    bodyAt: [0, 1],
    description: "x",
    wordCount: 1,
  } satisfies Article;
  const section: Section = {
    slug: "elecciones",
    name: "Elecciones",
    description: "",
    path: "politica/elecciones",
    parent: "politica",
    subsections: [],
  };
  const canada = { slug: "canada", name: "Canadá", description: "Canadá." };
  const news = (topics: (typeof canada)[]) =>
    (articleGraph(article, [], section, [], topics)["@graph"] as unknown as Record<string, any>[]).find(
      (node) => node["@type"] === "NewsArticle",
    )!;
  assert.deepEqual(news([canada]).keywords, ["Canadá"]);
  assert.deepEqual(news([canada]).about, [{ "@type": "Thing", name: "Canadá", url: "http://localhost:3000/temas/canada" }]);
  assert.equal("keywords" in news([]), false);
  const page = topicGraph(canada, [{ name: "Temas", path: "/temas" }], 2)["@graph"] as unknown as Record<string, any>[];
  const collection = page.find((node) => node["@type"] === "CollectionPage")!;
  assert.equal(collection.url, "http://localhost:3000/temas/canada/pagina/2");
  assert.equal(collection.about.name, "Canadá");
});
