import { spawn } from "node:child_process";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import sharp from "sharp";
import { PUBLIC_PAGE_CACHING } from "../lib/security-headers";
import { serverCommand, waitForUrl } from "../scripts/servers";
import { siteTree } from "./paths";
import {
  AUTHOR_PATH,
  SAMPLE_PATH,
  SECTION_PATH,
  SUBSECTION_PATH,
  TOPIC_PATH,
  firstByteBeyondAscii,
  fixtures,
  meta,
  readJsonLd,
  readUnescaped,
  seed,
} from "./support";

/** A port no other test uses: the server given it never gets to listen. */
const SITE_URL_CHECK_PORT = Number(process.env.E2E_PORT ?? 3100) + 40;

type Node = Record<string, unknown>;
const graphOf = async (page: Page) => {
  const blocks = await readJsonLd(page);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]!["@context"]).toBe("https://schema.org");
  return blocks[0]!["@graph"];
};
const nodeOfType = (graph: Node[], type: string) => {
  const found = graph.filter((node) => node["@type"] === type);
  expect(found, `one ${type}`).toHaveLength(1);
  return found[0]!;
};
const byId = (graph: Node[], id: unknown) => graph.find((node) => node["@id"] === (id as Node)["@id"]);
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

async function expectOk(request: APIRequestContext, url: string, contentType?: RegExp) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  if (contentType) expect(response.headers()["content-type"], url).toMatch(contentType);
  return response;
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "item", "sitemap", "category"].includes(name) });
async function readXml(request: APIRequestContext, path: string, contentType: RegExp) {
  const response = await expectOk(request, path, contentType);
  const text = await response.text();
  expect(XMLValidator.validate(text), `${path} is well-formed XML`).toBe(true);
  return { text, document: xml.parse(text) };
}

test.describe("crawler: the article's head", () => {
  test("has title, description, canonical, OpenGraph, X card and robots", async ({ page }) => {
    const { siteUrl } = fixtures();
    const expected = seed();
    await page.goto(SAMPLE_PATH);
    const url = `${siteUrl}${SAMPLE_PATH}`;
    await expect(page).toHaveTitle(`${expected.headline} | Gaceta`);
    const description = await meta(page, 'meta[name="description"]');
    expect(description).toMatch(/^The Canadian government will co-lead an international push/);
    expect(description!.length).toBeLessThanOrEqual(160);
    expect(description).toMatch(/\w…$/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
    expect(await meta(page, 'meta[property="og:type"]')).toBe("article");
    expect(await meta(page, 'meta[property="og:title"]')).toBe(expected.headline);
    expect(await meta(page, 'meta[property="og:description"]')).toBe(description);
    expect(await meta(page, 'meta[property="og:url"]')).toBe(url);
    expect(await meta(page, 'meta[property="og:locale"]')).toBe("es_ES");
    expect(await meta(page, 'meta[property="og:site_name"]')).toBe("Gaceta");
    expect(await meta(page, 'meta[property="article:published_time"]')).toBe("2020-05-26T12:00:00-04:00");
    expect(await meta(page, 'meta[property="article:modified_time"]')).toBe("2020-05-26T12:00:00-04:00");
    expect(await meta(page, 'meta[property="article:section"]')).toBe("Elecciones");
    expect(await meta(page, 'meta[property="article:author"]')).toBe(`${siteUrl}${AUTHOR_PATH}`);
    const tags = page.locator('meta[property="article:tag"]');
    expect(await tags.evaluateAll((metas) => metas.map((tag) => tag.getAttribute("content")))).toEqual([
      "Injerencia extranjera",
      "Desinformación",
      "Ciberseguridad",
      "Canadá",
    ]);
    expect(await meta(page, 'meta[name="twitter:card"]')).toBe("summary_large_image");
    expect(await meta(page, 'meta[name="robots"]')).toContain("max-image-preview:large");
    expect(await meta(page, 'meta[name="robots"]')).toMatch(/^index, follow/);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.locator("h1")).toHaveAttribute("lang", "en");
  });

  test("the site's icons answer, /favicon.ico too, which browsers and tools ask for unlinked", async ({ page, request }) => {
    await page.goto(SAMPLE_PATH);
    for (const [selector, type] of [
      ['link[rel="icon"]', "image/svg+xml"],
      ['link[rel="apple-touch-icon"]', "image/png"],
    ] as const) {
      const response = await request.get((await page.locator(selector).getAttribute("href"))!);
      expect(response.status(), selector).toBe(200);
      expect(response.headers()["content-type"], selector).toBe(type);
    }
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
    expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  test("og:image is an absolute 1200×630 JPEG with its size and alt text", async ({ page, request }) => {
    await page.goto(SAMPLE_PATH);
    const image = await meta(page, 'meta[property="og:image"]');
    expect(image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/recortes\/.+\/og\.jpg$/);
    expect(await meta(page, 'meta[property="og:image:width"]')).toBe("1200");
    expect(await meta(page, 'meta[property="og:image:height"]')).toBe("630");
    expect(await meta(page, 'meta[property="og:image:alt"]')).toMatch(/\S/);
    expect(await meta(page, 'meta[name="twitter:image"]')).toBe(image);
    const response = await expectOk(request, image!, /^image\/jpeg/);
    const { width, height } = await sharp(await response.body()).metadata();
    expect({ width, height }).toEqual({ width: 1200, height: 630 });
  });
});

test.describe("crawler: the HTML as sent", () => {
  test("pages arrive as ASCII, read the same and hydrate without a mismatch", async ({ page, request }) => {
    // Stored as ASCII (scripts/page-output.ts, lib/page-output.ts), so that next start sends them faster.
    for (const path of ["/", SECTION_PATH, SUBSECTION_PATH, SAMPLE_PATH, AUTHOR_PATH]) {
      const response = await expectOk(request, path, /^text\/html/);
      expect(await firstByteBeyondAscii(response), `${path}: first byte beyond ASCII`).toBe(-1);
    }
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(SAMPLE_PATH);
    await expect(page.getByRole("navigation", { name: "Ruta de navegación" })).toHaveText("Inicio›Democracia y Política›Elecciones");
    const graph = await graphOf(page);
    const trail = nodeOfType(graph, "BreadcrumbList").itemListElement as Node[];
    expect(trail.map((item) => item.name)).toEqual(["Inicio", "Democracia y Política", "Elecciones"]);
    // The scroll-to-top button only answers once React has hydrated the page from its RSC payload.
    await page.mouse.wheel(0, 4000);
    await expect(page.getByRole("button", { name: "Volver arriba" })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe("crawler: structured data", () => {
  test("the article has a NewsArticle and a BreadcrumbList matching the visible breadcrumbs", async ({ page, request }) => {
    const { siteUrl } = fixtures();
    const expected = seed();
    await page.goto(SAMPLE_PATH);
    const graph = await graphOf(page);
    const article = nodeOfType(graph, "NewsArticle");
    const url = `${siteUrl}${SAMPLE_PATH}`;

    // Google's recommended Article properties, with time zones.
    expect(article.headline).toBe(expected.headline);
    expect(article.description).toBe(await meta(page, 'meta[name="description"]'));
    expect(article.datePublished).toBe("2020-05-26T12:00:00-04:00");
    expect(article.dateModified).toMatch(ISO_WITH_ZONE);
    expect(article.inLanguage).toBe("en");
    expect(article.articleSection).toBe("Elecciones");
    expect(article.keywords).toEqual(["Injerencia extranjera", "Desinformación", "Ciberseguridad", "Canadá"]);
    expect((article.about as Node[]).map((thing) => thing.url)).toContain(`${siteUrl}${TOPIC_PATH}`);
    expect(article.mainEntityOfPage).toEqual({ "@id": url });
    expect(article.isBasedOn).toMatchObject({ url: "https://www.thestar.com/", publisher: { name: "Toronto Star" } });

    // Images in Google's three aspect ratios, each at least 50,000 pixels.
    const images = article.image as string[];
    expect(images).toHaveLength(3);
    const ratios = [];
    for (const image of images) {
      const { width = 0, height = 0 } = await sharp(await (await expectOk(request, image, /^image\/jpeg/)).body()).metadata();
      expect(width * height).toBeGreaterThanOrEqual(50_000);
      ratios.push(Number((width / height).toFixed(2)));
    }
    expect(ratios).toEqual([1, 1.33, 1.78]);

    // The author as a Person with their page and social profiles.
    const [author] = article.author as Node[];
    expect(author).toMatchObject({ "@type": "Person", name: "Alex Boutilier", url: `${siteUrl}${AUTHOR_PATH}` });
    expect(author!.sameAs).toContain("https://x.com/alexboutilier");
    await expectOk(request, author!.url as string);

    // The publisher with its logo.
    const publisher = byId(graph, article.publisher);
    expect(publisher).toMatchObject({ "@type": "NewsMediaOrganization", name: "Gaceta" });
    await expectOk(request, (publisher!.logo as Node).url as string, /^image\/png/);

    // BreadcrumbList: Google's required properties, matching what the reader sees.
    const breadcrumbs = nodeOfType(graph, "BreadcrumbList");
    const items = breadcrumbs.itemListElement as Node[];
    const visible = await page.getByRole("navigation", { name: "Ruta de navegación" }).getByRole("link").all();
    expect(items).toHaveLength(visible.length);
    for (const [index, item] of items.entries()) {
      expect(item["@type"]).toBe("ListItem");
      expect(item.position).toBe(index + 1);
      expect(item.name).toBe(await visible[index]!.textContent());
      expect(new URL(item.item as string).href).toBe(new URL((await visible[index]!.getAttribute("href"))!, siteUrl).href);
      await expectOk(request, item.item as string);
    }
    const webPage = nodeOfType(graph, "WebPage");
    expect(webPage.breadcrumb).toEqual({ "@id": breadcrumbs["@id"] });
  });

  test("home has the WebSite and the publisher", async ({ page }) => {
    const { siteUrl } = fixtures();
    await page.goto("/");
    const graph = await graphOf(page);
    expect(nodeOfType(graph, "WebSite")).toMatchObject({ name: "Gaceta", url: siteUrl, inLanguage: "es" });
    expect(nodeOfType(graph, "NewsMediaOrganization")).toMatchObject({ name: "Gaceta", logo: { "@type": "ImageObject" } });
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", siteUrl);
    expect(await meta(page, 'meta[property="og:type"]')).toBe("website");
  });

  test("section and topic pages are CollectionPages with their BreadcrumbList", async ({ page }) => {
    const { siteUrl } = fixtures();
    for (const [path, names] of [
      [SECTION_PATH, ["Inicio", "Democracia y Política"]],
      [SUBSECTION_PATH, ["Inicio", "Democracia y Política", "Elecciones"]],
      [TOPIC_PATH, ["Inicio", "Temas", "Desinformación"]],
    ] as const) {
      await page.goto(path);
      const graph = await graphOf(page);
      const collection = nodeOfType(graph, "CollectionPage");
      expect(collection.url).toBe(`${siteUrl}${path}`);
      const breadcrumbs = nodeOfType(graph, "BreadcrumbList");
      expect(collection.breadcrumb).toEqual({ "@id": breadcrumbs["@id"] });
      expect((breadcrumbs.itemListElement as Node[]).map((item) => item.name)).toEqual(names);
      await expect(page.getByRole("navigation", { name: "Ruta de navegación" }).getByRole("link")).toHaveText([...names]);
    }
  });

  test("author pages are ProfilePages about a Person", async ({ page }) => {
    const { siteUrl } = fixtures();
    await page.goto(AUTHOR_PATH);
    const graph = await graphOf(page);
    const profile = nodeOfType(graph, "ProfilePage");
    const person = byId(graph, profile.mainEntity);
    expect(person).toMatchObject({ "@type": "Person", name: "Alex Boutilier", url: `${siteUrl}${AUTHOR_PATH}` });
    expect(person!.sameAs).toEqual(["https://x.com/alexboutilier"]);
  });

  test("a headline or body with </script><script>alert(1)</script> stays inert", async ({ page }) => {
    const { xss } = fixtures();
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    const response = await page.goto(xss.path);
    const html = await response!.text();
    // Only the framework's own scripts and the JSON-LD: none opened by the content.
    const jsonLd = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!;
    expect(jsonLd).not.toContain("<");
    expect(jsonLd).toContain("\\u003c/script\\u003e");
    expect(html).not.toContain("<script>alert(1)</script>");
    const [graph] = await readJsonLd(page);
    expect(nodeOfType(graph!["@graph"], "NewsArticle").headline).toBe(xss.headline);
    await expect(page.locator("h1")).toHaveText(xss.headline);
    await expect(page.locator(".article-body code")).toHaveText("</script><script>alert(1)</script>");
    // A caption and a co-author's name with markup are shown as written, in the page and JSON-LD.
    const caption = page.locator("article figure figcaption");
    await expect(caption).toContainText(xss.caption);
    await expect(caption.locator("img, i")).toHaveCount(0);
    await expect(page.getByText(xss.author).first()).toBeVisible();
    await expect(page.locator("main b")).toHaveCount(0);
    const authors = nodeOfType(graph!["@graph"], "NewsArticle").author as { name: string }[];
    expect(authors.map((author) => author.name)).toContain(xss.author);
    expect(dialogs).toBe(0);
  });
});

test.describe("crawler: one site address", () => {
  test("canonical, OpenGraph, JSON-LD, sitemaps and robots.txt ignore a forged Host", async ({ request }) => {
    const { siteUrl } = fixtures();
    const forged = { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
    for (const path of [SAMPLE_PATH, "/", SECTION_PATH, AUTHOR_PATH, "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/feed.xml"]) {
      const response = await request.get(path, { headers: forged });
      expect(response.status(), path).toBe(200);
      const body = await readUnescaped(response);
      expect(body, path).not.toContain("evil.example");
      expect(body, path).toContain(siteUrl);
    }
  });

  test("a server started with another SITE_URL than its build refuses to start, and says which", async () => {
    const { siteUrl } = fixtures();
    // Its stored pages would name the build's address, the pages it renders the other.
    const child = spawn(process.execPath, serverCommand(SITE_URL_CHECK_PORT, siteTree()), {
      cwd: siteTree(),
      env: { ...process.env, SITE_URL: "https://otra.example", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const listening = waitForUrl(`http://127.0.0.1:${SITE_URL_CHECK_PORT}/`, 30_000).then(
      () => "listening" as const,
      () => "silent" as const,
    );
    const outcome = await Promise.race([exited, listening]);
    if (outcome === "listening") child.kill("SIGKILL");
    expect(outcome).toBe(2);
    expect(stderr).toContain(`SITE_URL is https://otra.example, but the site was built for ${siteUrl}`);
    expect(stderr).toContain(`SITE_URL=${siteUrl}`);
  });

  test("every page type has its own title", async ({ request }) => {
    const titles = new Set<string>();
    const pages = [
      SAMPLE_PATH,
      "/",
      SECTION_PATH,
      SUBSECTION_PATH,
      `${SUBSECTION_PATH}/pagina/2`,
      AUTHOR_PATH,
      `${AUTHOR_PATH}/pagina/2`,
      "/autores",
      TOPIC_PATH,
      `${TOPIC_PATH}/pagina/2`,
      "/temas",
    ];
    for (const path of pages) {
      const html = await (await request.get(path)).text();
      titles.add(html.match(/<title>([^<]*)<\/title>/)![1]!);
    }
    expect(titles.size).toBe(pages.length);
  });
});

test.describe("crawler: a moved article", () => {
  test("its former addresses answer 301 to the one it has now, which alone is listed", async ({ page, request }) => {
    const { siteUrl, moved } = fixtures();
    for (const former of moved.formerPaths) {
      for (const url of [former, `${former}?utm_source=boletin`]) {
        const response = await request.get(url, { maxRedirects: 0 });
        expect(response.status(), url).toBe(301);
        expect(response.headers()["location"], url).toBe(moved.path);
        expect(response.headers()["cache-control"], url).toBe(PUBLIC_PAGE_CACHING.value);
      }
      expect((await request.head(former, { maxRedirects: 0 })).status()).toBe(301);
    }

    const response = await page.goto(moved.formerPaths[0]!);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${siteUrl}${moved.path}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(moved.headline);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${siteUrl}${moved.path}`);

    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain(`<loc>${siteUrl}${moved.path}</loc>`);
    for (const former of moved.formerPaths) expect(sitemap).not.toContain(former);
  });

  test("a draft's or a scheduled article's former address tells nothing of where it will be", async ({ request }) => {
    const { draft, scheduled } = fixtures();
    for (const { formerPath, path } of [draft, scheduled]) {
      const response = await request.get(formerPath, { maxRedirects: 0 });
      expect(response.status(), formerPath).toBe(404);
      expect(response.headers()["location"], formerPath).toBeUndefined();
      expect(await response.text(), formerPath).not.toContain(path);
    }
  });
});

test.describe("crawler: sitemaps, robots.txt and feeds", () => {
  test("robots.txt names both sitemaps and keeps crawlers out of /api/ and search results", async ({ request }) => {
    const { siteUrl } = fixtures();
    const text = await (await expectOk(request, "/robots.txt", /^text\/plain/)).text();
    expect(text).toContain(`Sitemap: ${siteUrl}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${siteUrl}/news-sitemap.xml`);
    expect(text).toMatch(/Disallow: \/api\//);
    expect(text).toMatch(/Disallow: \/buscar$/m);
  });

  test("search results ask not to be indexed, and no sitemap lists them", async ({ page, request }) => {
    const response = await page.goto("/buscar?q=interference");
    expect(response?.status()).toBe(200);
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex, follow");
    expect(await page.locator('link[rel="canonical"]').count()).toBe(0);
    expect(await (await request.get("/sitemap.xml")).text()).not.toContain("/buscar");
  });

  test("/sitemap.xml lists every public page with lastmod, and each answers 200", async ({ request }) => {
    const { siteUrl, draft, scheduled, filler, unusedTopic } = fixtures();
    const { document } = await readXml(request, "/sitemap.xml", /^application\/xml/);
    const urls = document.urlset.url as { loc: string; lastmod: string; "image:image"?: { "image:loc": string } }[];
    const locs = urls.map((url) => url.loc);
    for (const url of urls) expect(url.lastmod, url.loc).toMatch(ISO_WITH_ZONE);
    expect(new Set(locs).size).toBe(locs.length);
    for (const path of [
      "/",
      SECTION_PATH,
      SUBSECTION_PATH,
      `${SUBSECTION_PATH}/pagina/2`,
      AUTHOR_PATH,
      `${AUTHOR_PATH}/pagina/2`,
      "/temas",
      TOPIC_PATH,
      `${TOPIC_PATH}/pagina/2`,
      SAMPLE_PATH,
      filler[0]!.path,
    ]) {
      expect(locs).toContain(`${siteUrl}${path === "/" ? "" : path}`);
    }
    expect(locs).not.toContain(`${siteUrl}${draft.path}`);
    expect(locs).not.toContain(`${siteUrl}${scheduled.path}`);
    expect(locs).not.toContain(`${siteUrl}/temas/${unusedTopic}`);
    for (const loc of locs) await expectOk(request, loc, /^text\/html/);
    // An article comes with its lead image, as the page shows it, for image search; a list page has none.
    const imageOf = (path: string) => urls.find((url) => url.loc === `${siteUrl}${path}`)?.["image:image"]?.["image:loc"];
    const leadImage = imageOf(SAMPLE_PATH)!;
    expect(leadImage).toMatch(new RegExp(`^${siteUrl}/images/.+\\.jpg$`));
    await expectOk(request, leadImage, /^image\/jpeg/);
    expect(await (await request.get(SAMPLE_PATH)).text()).toContain(`url=${encodeURIComponent(new URL(leadImage).pathname)}`);
    expect(imageOf(filler[0]!.path)).toMatch(new RegExp(`^${siteUrl}/images/`));
    expect(imageOf(SECTION_PATH)).toBeUndefined();
    // Not split at this size: no child sitemaps.
    expect((await request.get("/sitemaps/1.xml")).status()).toBe(404);
  });

  test("/news-sitemap.xml has only the last two days' articles, in Google News format", async ({ request }) => {
    const { siteUrl, filler, xss } = fixtures();
    const { text, document } = await readXml(request, "/news-sitemap.xml", /^application\/xml/);
    expect(text).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const urls = document.urlset.url as Array<{ loc: string; "news:news": Record<string, any> }>;
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.length).toBeLessThanOrEqual(1000);
    const locs = urls.map((url) => url.loc);
    expect(locs).toContain(`${siteUrl}${xss.path}`);
    expect(locs).toContain(`${siteUrl}${filler[0]!.path}`);
    expect(locs).not.toContain(`${siteUrl}${SAMPLE_PATH}`);
    for (const url of urls) {
      const news = url["news:news"];
      expect(news["news:publication"]["news:name"]).toBe("Gaceta");
      expect(news["news:publication"]["news:language"]).toMatch(/^[a-z]{2}$/);
      expect(Date.now() - Date.parse(news["news:publication_date"])).toBeLessThan(2 * 24 * 3600 * 1000);
      expect(String(news["news:title"])).toMatch(/\S/);
      await expectOk(request, url.loc);
    }
    expect(urls.find((url) => url.loc.endsWith(xss.path))!["news:news"]["news:title"]).toBe(xss.headline);
  });

  for (const [feedPath, title] of [
    ["/feed.xml", "Gaceta"],
    ["/democracia-y-politica/feed.xml", "Gaceta: Democracia y Política"],
    ["/democracia-y-politica/elecciones/feed.xml", "Gaceta: Elecciones"],
    [`${TOPIC_PATH}/feed.xml`, "Gaceta: Desinformación"],
    [`${AUTHOR_PATH}/feed.xml`, "Gaceta: Alex Boutilier"],
  ] as const) {
    test(`${feedPath} is RSS 2.0 with absolute links, dates, authors, categories and images`, async ({ request }) => {
      const { siteUrl, draft, scheduled } = fixtures();
      const { document } = await readXml(request, feedPath, /^application\/rss\+xml/);
      const channel = document.rss.channel;
      expect(document.rss["@_version"]).toBe("2.0");
      expect(channel.title).toBe(title);
      expect(channel.link).toMatch(new RegExp(`^${siteUrl}/`));
      expect(channel.description).toMatch(/\S/);
      expect(channel["atom:link"]["@_href"]).toBe(`${siteUrl}${feedPath}`);
      const items = channel.item as Array<Record<string, any>>;
      expect(items.length).toBe(20);
      for (const item of items) {
        expect(item.link).toMatch(new RegExp(`^${siteUrl}/`));
        expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
        expect(item.author).toMatch(/\S/);
        expect(item.category[0]["#text"]).toMatch(/\S/);
        expect(item.enclosure["@_type"]).toMatch(/^image\//);
        expect(Number(item.enclosure["@_length"])).toBeGreaterThan(0);
        expect([draft.path, scheduled.path].map((path) => `${siteUrl}${path}`)).not.toContain(item.link);
      }
      // RSS gives an item a single author: co-authors share it, named as in the byline.
      expect(items.map((item) => item.author)).toContain("Alex Boutilier y Autora de Prueba");
      await expectOk(request, items[0]!.link);
      await expectOk(request, items[0]!.enclosure["@_url"], /^image\//);
    });
  }

  test("feed items carry headlines and standfirsts as text, escaped for the HTML a feed reader renders", async ({ request }) => {
    const { siteUrl, xss } = fixtures();
    for (const feedPath of ["/feed.xml", `${SUBSECTION_PATH}/feed.xml`, `${AUTHOR_PATH}/feed.xml`, `${TOPIC_PATH}/feed.xml`]) {
      const { document } = await readXml(request, feedPath, /^application\/rss\+xml/);
      const item = (document.rss.channel.item as Array<Record<string, any>>).find((entry) => entry.link === `${siteUrl}${xss.path}`);
      expect(item, feedPath).toBeDefined();
      // As a feed reader sees them: HTML whose text is the headline, with no element in it.
      for (const [html, text] of [
        [String(item!.title), xss.headline],
        [String(item!.description), xss.standfirst],
      ] as const) {
        expect(html, feedPath).not.toMatch(/<[a-z/!]/i);
        expect(
          html
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
            .replace(/&amp;/g, "&"),
          feedPath,
        ).toBe(text);
      }
      // The byline is XML text: the co-author's name reads as written, and is no element.
      expect(String(item!.author), feedPath).toContain(xss.author);
    }
    const raw = await (await request.get("/feed.xml")).text();
    expect(raw).not.toContain("<b>Hostil</b>");
  });

  test("pages advertise the feeds of the site and of their section, subsection, topic or author, with absolute links", async ({ page }) => {
    const { siteUrl } = fixtures();
    const advertised = async (path: string) => {
      await page.goto(path);
      const feeds = page.locator('link[rel="alternate"][type="application/rss+xml"]');
      return feeds.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    };
    const site = `${siteUrl}/feed.xml`;
    const section = `${siteUrl}${SECTION_PATH}/feed.xml`;
    const subsection = `${siteUrl}${SUBSECTION_PATH}/feed.xml`;
    expect(await advertised(SAMPLE_PATH)).toEqual([site, section, subsection]);
    expect(await advertised(SUBSECTION_PATH)).toEqual([site, section, subsection]);
    expect(await advertised(SECTION_PATH)).toEqual([site, section]);
    expect(await advertised(TOPIC_PATH)).toEqual([site, `${siteUrl}${TOPIC_PATH}/feed.xml`]);
    expect(await advertised(AUTHOR_PATH)).toEqual([site, `${siteUrl}${AUTHOR_PATH}/feed.xml`]);
    expect(await advertised("/")).toEqual([site]);
  });
});
