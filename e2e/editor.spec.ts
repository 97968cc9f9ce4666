import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { storedPagesDirs } from "../lib/page-output";
import { previewQuery, signPreview } from "../lib/preview";
import {
  AUTHOR_PATH,
  SAMPLE_PATH,
  SECTION_PATH,
  SUBSECTION_PATH,
  TOPIC_PATH,
  fixtures,
  hoursFromNow,
  previewLink,
  readUnescaped,
  siteTree,
} from "./support";

const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((cookie) => cookie.name).sort();

test.describe("editor: drafts and scheduled articles stay private", () => {
  test("their addresses answer the 404 page", async ({ page, request }) => {
    const { draft, scheduled } = fixtures();
    for (const hidden of [draft, scheduled]) {
      const response = await request.get(hidden.path);
      expect(response.status(), hidden.path).toBe(404);
      const html = await readUnescaped(response);
      expect(html).not.toContain(hidden.text);
      expect(html).not.toContain(hidden.headline);
      // The Spanish 404 page itself, rendered on the server, not an empty shell.
      expect(html).toMatch(/<h1[^>]*>Página no encontrada<\/h1>/);
      expect((await request.get(`/recortes/${hidden.slug}/og.jpg`)).status()).toBe(404);
    }
    await page.goto(draft.path);
    await expect(page.locator("h1")).toHaveText("Página no encontrada");
  });

  test("a list page that a scheduled article will open answers the 404 page until then", async ({ browser, request }) => {
    const { scheduled } = fixtures();
    const response = await request.get(scheduled.opensListPage);
    expect(response.status()).toBe(404);
    const html = await readUnescaped(response);
    expect(html).not.toContain(scheduled.headline);
    expect(html).toMatch(/<h1[^>]*>Página no encontrada<\/h1>/);
    // Readable without JavaScript: Next.js's own 404 of a list page is a shell that scripts fill.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(scheduled.opensListPage);
    await expect(page.locator("h1")).toHaveText("Página no encontrada");
    await context.close();
  });

  test("they are absent from every list, sitemap and feed", async ({ request }) => {
    const { draft, scheduled } = fixtures();
    const lists = [
      "/",
      SECTION_PATH,
      SUBSECTION_PATH,
      `${SUBSECTION_PATH}/pagina/2`,
      AUTHOR_PATH,
      `${AUTHOR_PATH}/pagina/2`,
      TOPIC_PATH,
      `${TOPIC_PATH}/pagina/2`,
      "/sitemap.xml",
      "/news-sitemap.xml",
      "/feed.xml",
      `${SECTION_PATH}/feed.xml`,
      `${SUBSECTION_PATH}/feed.xml`,
      `${TOPIC_PATH}/feed.xml`,
      `${AUTHOR_PATH}/feed.xml`,
    ];
    for (const list of lists) {
      const body = await readUnescaped(await request.get(list));
      for (const hidden of [draft, scheduled]) {
        expect(body, `${hidden.slug} in ${list}`).not.toContain(hidden.slug);
        expect(body, `${hidden.headline} in ${list}`).not.toContain(hidden.headline);
      }
    }
  });

  test("a crawl of the whole site from / and the sitemaps finds no draft text", async ({ request }) => {
    const { draft, scheduled, siteUrl } = fixtures();
    const secrets = [draft.text, draft.headline, scheduled.text, scheduled.headline];
    const queue = ["/", "/sitemap.xml", "/news-sitemap.xml", "/feed.xml", "/robots.txt"];
    const seen = new Set(queue);
    while (queue.length) {
      const current = queue.shift()!;
      const response = await request.get(current);
      const body = await readUnescaped(response);
      for (const secret of secrets) expect(body, `${secret} in ${current}`).not.toContain(secret);
      const links = [...body.matchAll(/(?:href="|<loc>|<link>)([^"<]+)/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
      for (const link of links) {
        const url = new URL(link, siteUrl);
        if (url.origin !== siteUrl || url.pathname.startsWith("/_next/") || url.pathname.startsWith("/api/")) continue;
        if (!seen.has(url.pathname)) {
          seen.add(url.pathname);
          queue.push(url.pathname);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(40);
  });

  test("they are absent from the static output of the build", async () => {
    const { draft, scheduled } = fixtures();
    const root = storedPagesDirs(siteTree()).prerendered;
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = await readFile(path.join(file.parentPath, file.name), "utf8");
      for (const secret of [draft.text, draft.headline, scheduled.text, scheduled.headline]) {
        expect(text.includes(secret), `${secret} in ${file.name}`).toBe(false);
      }
    }
  });
});

test.describe("editor: private previews", () => {
  test("a valid link opens the draft under a banner, privately, with a way out", async ({ page, context }) => {
    const { draft } = fixtures();
    const redirect = await page.request.get(previewLink(draft.slug), { maxRedirects: 0 });
    expect(redirect.status()).toBe(303);
    expect(redirect.headers().location).toBe(draft.path);

    const [articleResponse] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === draft.path),
      page.goto(previewLink(draft.slug)),
    ]);
    await expect(page).toHaveURL(draft.path);
    expect(articleResponse.status()).toBe(200);
    const headers = articleResponse.headers();
    expect(headers["cache-control"]).toContain("private");
    expect(headers["cache-control"]).toContain("no-store");
    expect(headers["x-robots-tag"]).toContain("noindex");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    const banner = page.getByRole("complementary", { name: "Vista previa" });
    await expect(banner).toContainText(/^Vista previa: borrador, no publicado/);
    await expect(page.locator("h1")).toHaveText(draft.headline);
    await expect(page.locator(".article-body")).toContainText(draft.text);
    // Its own lead image, hidden from everyone else, shows in the preview.
    const leadImage = page.locator("figure img").first();
    await expect(leadImage).toHaveJSProperty("complete", true);
    expect(await leadImage.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    expect((await page.request.get(draft.image)).status()).toBe(200);
    // Nothing to share yet: a draft's headline must not leave the preview.
    await expect(page.getByRole("list", { name: "Compartir este artículo" })).toHaveCount(0);
    expect(await cookieNames(context)).toEqual(["__prerender_bypass", "gaceta_preview"]);

    await banner.getByRole("link", { name: "Salir de la vista previa" }).click();
    await expect(page).toHaveURL("/");
    expect(await cookieNames(context)).toEqual([]);
    expect((await page.goto(draft.path))?.status()).toBe(404);
    expect((await page.request.get(draft.image)).status()).toBe(404);
  });

  test("a scheduled article previews with its publication time", async ({ page }) => {
    const { scheduled } = fixtures();
    await page.goto(previewLink(scheduled.slug));
    await expect(page).toHaveURL(scheduled.path);
    await expect(page.getByRole("complementary", { name: "Vista previa" })).toContainText(
      /^Vista previa: programado para el \d+ de \w+ de \d{4}/,
    );
    await expect(page.locator(".article-body")).toContainText(scheduled.text);
  });

  test("a published article can be previewed the same way", async ({ page }) => {
    await page.goto(previewLink("canada-takes-global-role-in-countering-electoral-interference-in-cyberspace"));
    await expect(page).toHaveURL(SAMPLE_PATH);
    await expect(page.getByRole("complementary", { name: "Vista previa" })).toContainText("Vista previa: publicado");
    await expect(page.getByRole("list", { name: "Compartir este artículo" }).getByRole("link")).toHaveCount(7);
  });

  test("a link opens only the article it was signed for", async ({ page }) => {
    const { draft, scheduled } = fixtures();
    await page.goto(previewLink(draft.slug));
    await expect(page.locator("h1")).toHaveText(draft.headline);
    const other = await page.goto(scheduled.path);
    expect(other?.status()).toBe(404);
    await expect(page.locator("body")).not.toContainText(scheduled.text);
  });

  async function expectRefused(request: APIRequestContext, link: string) {
    const response = await request.get(link, { maxRedirects: 0 });
    expect(response.status(), link).toBe(401);
    expect(response.headers()["set-cookie"], link).toBeUndefined();
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(response.headers()["referrer-policy"], link).toBe("no-referrer");
    const html = await readUnescaped(response);
    expect(html).toContain('<html lang="es"');
    expect(html).toContain("Vista previa no disponible");
  }

  test("tampered, expired, cross-article and incomplete links are refused without a cookie", async ({ request }) => {
    const { draft, scheduled, previewSecret } = fixtures();
    const expires = hoursFromNow(1);
    const valid = new URLSearchParams(previewQuery({ slug: draft.slug, expires }, previewSecret));
    const signature = valid.get("signature")!;
    const tampered = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    const expired = hoursFromNow(-1);
    const cases = [
      `/api/preview?slug=${draft.slug}&expires=${expires}&signature=${tampered}`,
      `/api/preview?slug=${draft.slug}&expires=${expires + 3600}&signature=${signature}`,
      `/api/preview?slug=${draft.slug}&expires=${expired}&signature=${signPreview({ slug: draft.slug, expires: expired }, previewSecret)}`,
      `/api/preview?slug=${scheduled.slug}&expires=${expires}&signature=${signature}`,
      `/api/preview?slug=${draft.slug}&expires=${expires}`,
      `/api/preview?slug=${draft.slug}&expires=${expires}&signature=${signature}&slug=${scheduled.slug}`,
      `/api/preview?slug=${draft.slug}&expires=${expires}&signature=${signPreview({ slug: draft.slug, expires }, "another-secret-that-is-long-enough-000")}`,
      "/api/preview",
    ];
    for (const link of cases) await expectRefused(request, link);
  });

  test("the redirect only ever leads to the article's own path", async ({ request }) => {
    const { draft } = fixtures();
    const response = await request.get(`${previewLink(draft.slug)}&next=https://evil.example/&redirect=//evil.example`, {
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe(draft.path);
    const exit = await request.get("/api/preview/exit?slug=//evil.example", { maxRedirects: 0 });
    expect(exit.status()).toBe(303);
    expect(exit.headers().location).toBe("/");
  });

  test("a preview link's signature is never sent on as a referrer", async ({ request }) => {
    const { draft } = fixtures();
    for (const link of [previewLink(draft.slug), `/api/preview/exit?slug=${draft.slug}`, "/api/preview/no-existe"]) {
      const response = await request.get(link, { maxRedirects: 0 });
      expect(response.headers()["referrer-policy"], link).toBe("no-referrer");
      expect(response.headers()["cache-control"], link).toContain("no-store");
    }
  });
});
