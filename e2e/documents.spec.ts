import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { backToTopScriptPath, searchPath } from "../lib/urls";
import { AUTHOR_PATH, SAMPLE_PATH, SECTION_PATH, SUBSECTION_PATH, TOPIC_PATH, fixtures, previewLink, seed, unescaped } from "./support";

/**
 * Pages are documents, not applications (lib/page-output.ts): complete HTML and CSS, and no
 * JavaScript but the back-to-top button's one small file. These tests fail if a Next.js upgrade
 * changes the output that module relies on: a page type that suddenly carries a script, or one
 * that loses content without scripts.
 */
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

/** Every public page type, with what it must show without JavaScript. */
const pageTypes = () => {
  const { withdrawn } = fixtures();
  return [
    { name: "article", path: SAMPLE_PATH, status: 200, canonical: true },
    { name: "home", path: "/", status: 200, canonical: true },
    { name: "section", path: SECTION_PATH, status: 200, canonical: true },
    { name: "section, page 2", path: `${SECTION_PATH}/pagina/2`, status: 200, canonical: true },
    { name: "subsection", path: SUBSECTION_PATH, status: 200, canonical: true },
    { name: "subsection, page 2", path: `${SUBSECTION_PATH}/pagina/2`, status: 200, canonical: true },
    { name: "author", path: AUTHOR_PATH, status: 200, canonical: true },
    { name: "author, page 2", path: `${AUTHOR_PATH}/pagina/2`, status: 200, canonical: true },
    { name: "topic", path: TOPIC_PATH, status: 200, canonical: true },
    { name: "topic, page 2", path: `${TOPIC_PATH}/pagina/2`, status: 200, canonical: true },
    { name: "authors", path: "/autores", status: 200, canonical: true },
    { name: "topics", path: "/temas", status: 200, canonical: true },
    { name: "search results", path: searchPath("elecciones"), status: 200, canonical: false },
    { name: "404", path: "/no-existe-esta-pagina", status: 404, canonical: false },
    { name: "410", path: withdrawn.path, status: 410, canonical: false },
  ];
};

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const isAllowedScript = (tag: string) => /\btype="application\/ld\+json"/.test(tag) || tag.includes(`src="${backToTopScriptPath()}"`);

async function fetchHtml(request: APIRequestContext, path: string, userAgent = BROWSER) {
  const response = await request.get(path, { headers: { "User-Agent": userAgent } });
  return { response, html: await response.text() };
}

test.describe("readers: pages are documents, not applications", () => {
  for (const type of pageTypes()) {
    test(`${type.name}: no script but JSON-LD and the back-to-top file, and a script-src 'self' CSP`, async ({ request }) => {
      const { response, html } = await fetchHtml(request, type.path);
      expect(response.status()).toBe(type.status);
      const scripts = html.match(SCRIPT_TAG) ?? [];
      expect(
        scripts.filter((tag) => !isAllowedScript(tag)),
        "scripts other than JSON-LD and the back-to-top file",
      ).toEqual([]);
      for (const framework of ["self.__next_f", 'rel="modulepreload"', 'as="script"', "TURBOPACK"]) {
        expect(html, framework).not.toContain(framework);
      }
      // The stylesheet lives beside Next.js's chunks; no script does.
      expect(html).not.toMatch(/\/_next\/static\/[^"]*\.js/);
      const policy = response.headers()["content-security-policy"] ?? "";
      const scriptSources = /(?:^|;\s*)script-src ([^;]*)/.exec(policy)?.[1] ?? /(?:^|;\s*)default-src ([^;]*)/.exec(policy)?.[1];
      expect(scriptSources, policy).toMatch(/^'(?:self|none)'$/);
    });

    test(`${type.name}: title, description${type.canonical ? " and canonical" : ""} in <head> for a browser and for a crawler`, async ({
      request,
    }) => {
      for (const userAgent of [BROWSER, CRAWLER]) {
        const { html } = await fetchHtml(request, type.path, userAgent);
        const head = html.slice(0, html.indexOf("</head>"));
        expect(head, userAgent).toMatch(/<title>[^<]+<\/title>/);
        if (type.status === 200) expect(head, userAgent).toMatch(/<meta name="description" content="[^"]+"/);
        if (type.canonical) expect(head, userAgent).toMatch(/<link rel="canonical" href="http[^"]+"/);
      }
    });
  }

  test("every page type is whole with JavaScript off: header, heading, content, footer", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const type of pageTypes()) {
      await page.goto(type.path);
      await expect(page.locator("h1").first(), type.name).toBeVisible();
      if (type.status !== 410) {
        await expect(page.getByRole("navigation", { name: "Secciones", exact: true }), type.name).toBeVisible();
        await expect(page.locator("footer").last(), type.name).toBeVisible();
      }
    }
    // The article with everything it has: breadcrumbs, lead image, body, author card, onward lists.
    const { breadcrumbs, body, authorName } = seed();
    await page.goto(SAMPLE_PATH);
    await expect(page.getByRole("navigation", { name: /migas|ruta/i })).toHaveText(new RegExp(breadcrumbs.slice(0, 10)));
    await expect(page.locator("figure img").first()).toBeVisible();
    await expect(page.locator(".article-body")).toContainText(unescaped(body.at(-1)!).slice(0, 60));
    await expect(page.getByText(authorName).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Noticias relacionadas" })).toBeVisible();
    // Lists and search results, with their links.
    await page.goto(SUBSECTION_PATH);
    expect(await page.locator("main article a").count()).toBeGreaterThanOrEqual(20);
    await page.goto(searchPath("elecciones"));
    expect(await page.locator("main li a").count()).toBeGreaterThan(0);
    await context.close();
  });

  test("the one script a reader downloads is the back-to-top file, at most 2 KB gzip, loaded without blocking", async ({
    page,
    request,
  }) => {
    const scripts: string[] = [];
    page.on("request", (sent) => {
      if (sent.resourceType() === "script") scripts.push(new URL(sent.url()).pathname);
    });
    await page.goto(SAMPLE_PATH);
    await page.waitForLoadState("networkidle");
    expect(scripts).toEqual([backToTopScriptPath()]);
    await expect(page.locator(`script[src="${backToTopScriptPath()}"]`)).toHaveAttribute("defer", "");
    const file = await request.get(backToTopScriptPath());
    expect(file.headers()["content-type"]).toMatch(/javascript/);
    expect(gzipSync(await file.body()).length).toBeLessThanOrEqual(2048);
  });

  test("the stylesheet has rules for the classes the templates use, not for words of articles", async ({ request }) => {
    const sources = await templateSources();
    for (const pagePath of [SAMPLE_PATH, "/"]) {
      const html = await (await request.get(pagePath)).text();
      const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((match) => match[1]!);
      expect(sheets.length, pagePath).toBeGreaterThan(0);
      for (const sheet of sheets) {
        const utilities = utilityClasses(await (await request.get(sheet)).text());
        expect(utilities.length, sheet).toBeGreaterThan(20);
        expect(
          utilities.filter((name) => !sources.includes(name)),
          `${sheet}: utilities no template names`,
        ).toEqual([]);
      }
    }
  });

  test("an inline script injected into a page is refused by the browser, not run", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(SAMPLE_PATH);
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inyectado = true;";
      document.body.append(script);
      return (window as unknown as { __inyectado?: boolean }).__inyectado === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });

  test("an editor's preview is as lean as the published page, and as private", async ({ page }) => {
    const { draft } = fixtures();
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === draft.path),
      page.goto(previewLink(draft.slug)),
    ]);
    const html = await response.text();
    expect((html.match(SCRIPT_TAG) ?? []).filter((tag) => !isAllowedScript(tag))).toEqual([]);
    expect(response.headers()["cache-control"]).toContain("no-store");
    await expect(page.locator(".article-body")).toContainText(draft.text);
  });

  test("a React Server Component request gets the page, never a payload", async ({ request }) => {
    for (const headers of <Record<string, string>[]>[
      { RSC: "1" },
      { RSC: "1", "Next-Router-Prefetch": "1" },
      { RSC: "1", "Next-Router-State-Tree": "%5B%5D" },
    ]) {
      for (const path of [SAMPLE_PATH, `${SAMPLE_PATH}?_rsc=abc`, searchPath("elecciones")]) {
        const response = await request.get(path, { headers });
        expect(response.headers()["content-type"], path).toMatch(/^text\/html/);
        expect(await response.text(), path).not.toContain("self.__next_f");
      }
    }
    // Next.js's own addresses for payloads are no page.
    for (const path of [`${SUBSECTION_PATH}.rsc`, "/autores.segments/_tree.segment.rsc"]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
  });
});

/** The text of every template in the folders app/globals.css makes the stylesheet from. */
async function templateSources() {
  const css = await readFile("app/globals.css", "utf8");
  const folders = [...css.matchAll(/@source "([^"]+)";/g)].map((match) => path.join("app", match[1]!));
  const texts: string[] = [];
  for (const dir of folders) {
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.tsx?$/.test(entry.name)) texts.push(await readFile(path.join(entry.parentPath, entry.name), "utf8"));
    }
  }
  return texts.join("\n");
}

/** The class names Tailwind made utilities for, unescaped: `.md\:px-4:hover` → `md:px-4`. */
function utilityClasses(css: string): string[] {
  const layer = css.slice(css.indexOf("@layer utilities"));
  const selectors = [...layer.matchAll(/(?:^|[{};])([^{};]+)\{/g)]
    .map((match) => match[1]!.trim())
    .filter((selector) => !/^[@&]/.test(selector));
  const names = selectors.flatMap((selector) => [...selector.matchAll(/\.((?:\\[0-9a-f]{1,6} ?|\\[^0-9a-f]|[\w-])+)/gi)]);
  const unescaped = names.map(([, name]) =>
    name!.replace(/\\([0-9a-f]{1,6}) ?|\\(.)/gi, (_, hex: string | undefined, char: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : char!,
    ),
  );
  return [...new Set(unescaped)];
}
