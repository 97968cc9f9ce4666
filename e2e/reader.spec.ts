import { expect, test, type Locator } from "@playwright/test";
import { readingMinutes } from "../lib/reading-time";
import { searchPath } from "../lib/urls";
import { AUTHOR_PATH, SAMPLE_PATH, SECTION_PATH, SUBSECTION_PATH, TOPIC_PATH, fixtures, readJsonLd, readUnescaped, seed } from "./support";

test.describe("reader: the sample article", () => {
  test("shows every part of the page with the seed's exact text", async ({ page }) => {
    const expected = seed();
    const response = await page.goto(SAMPLE_PATH);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");

    // Breadcrumbs: a labelled nav with an ordered list of links, the current level marked.
    const crumbs = page.getByRole("navigation", { name: "Ruta de navegación" }).locator("ol > li a");
    await expect(crumbs).toHaveText(["Inicio", "Democracia y Política", "Elecciones"]);
    expect((await crumbs.allTextContents()).slice(1).join("")).toBe(expected.breadcrumbs);
    await expect(crumbs.nth(1)).toHaveAttribute("href", SECTION_PATH);
    await expect(crumbs.nth(2)).toHaveAttribute("href", SUBSECTION_PATH);
    await expect(crumbs.nth(2)).toHaveAttribute("aria-current", "location");

    // The headline is the only h1, marked as English.
    const h1 = page.locator("h1");
    await expect(h1).toHaveCount(1);
    await expect(h1).toHaveText(expected.headline);
    await expect(h1).toHaveAttribute("lang", "en");

    // Lead image: sized (no layout shift), loaded, in a figure with caption and credit.
    const figure = page.locator("article figure");
    const image = figure.locator("img");
    await expect(image).toHaveAttribute("width", "1600");
    await expect(image).toHaveAttribute("height", "1067");
    expect(await image.getAttribute("alt")).toMatch(/\S/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // The caption says what is shown, an illustration, and keeps the seed's facts: the seed's
    // caption described a photograph of Emmanuel Macron that the site does not have.
    const caption = figure.locator("figcaption [lang=en]");
    await expect(caption).toContainText(/^A ballot box behind a shield: an illustration of /);
    for (const fact of [
      "2018 Paris Call for Trust and Security in Cyberspace",
      "Emmanuel Macron spearheaded",
      "to counter election interference",
    ]) {
      expect(expected.caption).toContain(fact);
      await expect(caption).toContainText(fact);
    }
    await expect(figure.locator("figcaption")).toContainText("Ilustración: Gaceta");

    // Byline and dates as <time>, in Spanish, in the site's time zone.
    const byline = page.getByText(/^Por\s/);
    await expect(byline).toHaveText(`Por ${expected.authorName}`);
    const published = page.locator("article time").first();
    await expect(published).toHaveAttribute("datetime", "2020-05-26T12:00:00-04:00");
    await expect(published).toContainText("26 de mayo de 2020");
    const words = expected.body.join(" ").split(/\s+/).filter(Boolean).length;
    await expect(published.locator("..")).toContainText(`· ${readingMinutes(words)} min de lectura`);

    // Dateline, then the body paragraphs (one of them a quotation), in English.
    const body = page.locator(".article-body");
    await expect(body).toHaveAttribute("lang", "en");
    await expect(body.locator(":scope > p, :scope > blockquote > p")).toHaveText(expected.body);
    await expect(body.locator(":scope > p").first().locator(".dateline")).toHaveText("OTTAWA");
    await expect(body.locator("blockquote")).toHaveCount(1);

    // Credit to the original publisher.
    await expect(page.getByRole("link", { name: "Toronto Star" })).toHaveAttribute("href", /^https:\/\/www\.thestar\.com\//);

    // Author card: initials, name linking to the author page, bio, social profile.
    const card = page.getByRole("region", { name: "Sobre la autoría" });
    await expect(card.getByRole("heading", { name: expected.authorName })).toBeVisible();
    await expect(card.getByRole("link", { name: expected.authorName })).toHaveAttribute("href", AUTHOR_PATH);
    await expect(card.getByText(expected.bio)).toHaveAttribute("lang", "en");
    await expect(card.getByRole("link", { name: expected.handle })).toHaveAttribute("href", "https://x.com/alexboutilier");
  });

  test("is complete without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SAMPLE_PATH);
    const expected = seed();
    await expect(page.locator("h1")).toHaveText(expected.headline);
    await expect(page.locator(".article-body > p")).toHaveCount(expected.body.length - 1);
    await expect(page.locator("article figure img")).toBeVisible();
    await expect(page.getByRole("region", { name: "Sobre la autoría" })).toContainText(expected.bio);
    await context.close();
  });

  test("breadcrumbs lead to working section pages", async ({ page }) => {
    await page.goto(SAMPLE_PATH);
    const crumbs = page.getByRole("navigation", { name: "Ruta de navegación" });
    await crumbs.getByRole("link", { name: "Democracia y Política" }).click();
    await expect(page).toHaveURL(SECTION_PATH);
    await expect(page.locator("h1")).toHaveText("Democracia y Política");
    await expect(page.locator(`main a[href="${fixtures().filler[0]!.path}"]`)).toBeVisible();

    await page.goto(SAMPLE_PATH);
    await crumbs.getByRole("link", { name: "Elecciones" }).click();
    await expect(page).toHaveURL(SUBSECTION_PATH);
    await expect(page.locator("h1")).toHaveText("Elecciones");
    const trail = page.getByRole("navigation", { name: "Ruta de navegación" }).getByRole("link");
    await expect(trail.last()).toHaveAttribute("aria-current", "page");
  });

  test("the author card leads to the author page", async ({ page }) => {
    await page.goto(SAMPLE_PATH);
    await page.getByRole("region", { name: "Sobre la autoría" }).getByRole("link", { name: "Alex Boutilier" }).click();
    await expect(page).toHaveURL(AUTHOR_PATH);
    await expect(page.locator("h1")).toHaveText("Alex Boutilier");
    await expect(page.getByText(seed().bio)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Artículos" })).toBeVisible();
    await expect(page.getByRole("link", { name: "@alexboutilier" })).toBeVisible();
  });

  test("can be shared through plain links that carry its address", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(SAMPLE_PATH);
    const share = page.getByRole("list", { name: "Compartir este artículo" }).getByRole("link");
    await expect(share).toHaveText(["WhatsApp", "Telegram", "X", "Bluesky", "Facebook", "LinkedIn", "Correo"]);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    const whatsapp = new URL((await share.first().getAttribute("href"))!);
    expect(whatsapp.origin).toBe("https://wa.me");
    expect(whatsapp.searchParams.get("text")).toBe(canonical);
    const mail = (await share.last().getAttribute("href"))!;
    expect(decodeURIComponent(mail)).toBe(`mailto:?subject=${seed().headline}&body=${canonical}`);
    // Nothing is asked of the networks until a reader follows a link.
    expect(requested.filter((url) => !url.startsWith(new URL(page.url()).origin))).toEqual([]);
  });

  test("ends with related articles, then the newest of its subsection: never itself, a draft, a scheduled one or one twice", async ({
    page,
  }) => {
    const { xss, corrected, related, draft, scheduled } = fixtures();
    const hrefs = (links: Locator) => links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("href")!));
    const headlineLinks = (list: Locator) => list.getByRole("heading", { level: 3 }).getByRole("link");
    await page.goto(SUBSECTION_PATH);
    const subsection = await hrefs(page.locator("main article").getByRole("heading").getByRole("link"));
    await page.goto(SAMPLE_PATH);

    // The one that shares two of the sample's topics first, however old; then the newest that share one.
    const relatedList = page.getByRole("region", { name: "Noticias relacionadas" });
    const relatedPaths = await hrefs(headlineLinks(relatedList));
    expect(relatedPaths).toEqual([related.path, xss.path, corrected.path]);

    const more = page.getByRole("region", { name: "Más en Elecciones" });
    await expect(more.getByRole("heading", { level: 2 }).getByRole("link", { name: "Elecciones" })).toHaveAttribute(
      "href",
      SUBSECTION_PATH,
    );
    const morePaths = await hrefs(headlineLinks(more));
    expect(morePaths).toEqual(subsection.filter((path) => path !== SAMPLE_PATH && !relatedPaths.includes(path)).slice(0, 4));
    // The draft is newer than every public article and the scheduled one newer still: either would come first.
    for (const path of [SAMPLE_PATH, draft.path, scheduled.path]) expect([...relatedPaths, ...morePaths]).not.toContain(path);

    // An article that shares topics only with the sample: the sample alone is related, and the
    // subsection's newest follow.
    await relatedList.getByRole("link", { name: related.headline }).click();
    await expect(page).toHaveURL(related.path);
    expect(await hrefs(headlineLinks(page.getByRole("region", { name: "Noticias relacionadas" })))).toEqual([SAMPLE_PATH]);
    expect(await hrefs(headlineLinks(page.getByRole("region", { name: "Más en Elecciones" })))).toEqual(
      subsection.filter((path) => path !== related.path && path !== SAMPLE_PATH).slice(0, 4),
    );
  });

  test("prints as the article alone, in dark ink on white even for a reader in dark mode", async ({ page }) => {
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    await page.goto(SAMPLE_PATH);
    const { headline, body } = seed();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(page.getByText(body.at(-1)!)).toBeVisible();
    await expect(page.locator("article figure img")).toBeVisible();
    await expect(page.getByRole("link", { name: seed().authorName }).first()).toBeVisible();

    const colors = await page.evaluate(() => {
      const color = (selector: string, property: "color" | "backgroundColor") =>
        getComputedStyle(document.querySelector(selector)!)[property];
      return { paper: color("body", "backgroundColor"), headline: color("h1", "color"), body: color(".article-body p", "color") };
    });
    expect(colors).toEqual({ paper: "rgb(255, 255, 255)", headline: "rgb(22, 24, 29)", body: "rgb(22, 24, 29)" });

    // What only makes sense on a screen stays off the paper.
    for (const hidden of [
      page.getByRole("navigation", { name: "Secciones", exact: true }),
      page.getByRole("list", { name: "Compartir este artículo" }),
      page.getByRole("region", { name: "Noticias relacionadas" }),
      page.getByRole("region", { name: "Más en Elecciones" }),
      page.locator("footer"),
    ]) {
      await expect(hidden).toBeHidden();
    }
    // The back-to-top button, once scrolling has shown it on screen, does not print either.
    await page.emulateMedia({ media: "screen" });
    await scrollToBottom(page);
    const button = page.getByRole("button", { name: "Volver arriba" });
    await expect(button).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(button).toBeHidden();
  });
});

test.describe("reader: a corrected article", () => {
  test("lists its corrections under the body, oldest first with their times, and tells crawlers", async ({ page }) => {
    const { corrected } = fixtures();
    await page.goto(corrected.path);
    const corrections = page.getByRole("region", { name: "Fe de errores" });
    await expect(corrections.getByRole("listitem")).toHaveCount(corrected.corrections.length);
    for (const [index, { date, text }] of corrected.corrections.entries()) {
      const item = corrections.getByRole("listitem").nth(index);
      await expect(item.locator("time")).toHaveAttribute("datetime", date);
      await expect(item).toContainText(text);
    }
    // After the body, inside the article: the correction belongs to the text it corrects.
    await expect(
      page.locator("article .article-body ~ section").filter({ has: page.getByRole("heading", { name: "Fe de errores" }) }),
    ).toHaveCount(1);
    // The latest correction is the article's last update, for readers and crawlers alike.
    await expect(page.getByText(/Actualizado el/)).toBeVisible();
    const graph = (await readJsonLd(page))[0]!["@graph"];
    const news = graph.find((node) => node["@type"] === "NewsArticle")!;
    expect(news.correction).toEqual(
      corrected.corrections.map(({ date, text }) => ({ "@type": "CorrectionComment", text, datePublished: date })),
    );
    expect(news.dateModified).toBe(corrected.corrections.at(-1)!.date);
  });

  test("an article without corrections has no such section", async ({ page }) => {
    await page.goto(SAMPLE_PATH);
    await expect(page.getByRole("region", { name: "Fe de errores" })).toHaveCount(0);
  });
});

/** Where the keyboard is not the point: a key pressed while the page still settles can go unheard. */
const scrollToBottom = (page: import("@playwright/test").Page) =>
  page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

test.describe("reader: back to top", () => {
  const topOf = (page: import("@playwright/test").Page) => page.evaluate(() => window.scrollY);
  /** What the page says in the console that is an error: nothing, from its one script or else. */
  const consoleErrors = (page: import("@playwright/test").Page) => {
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    return errors;
  };

  test("appears after scrolling, works with the mouse and returns focus to the top", async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto(SAMPLE_PATH);
    const button = page.getByRole("button", { name: "Volver arriba" });
    await expect(button).toBeHidden();
    await page.mouse.wheel(0, 4000);
    await expect(button).toBeVisible();
    await button.click();
    await expect.poll(() => topOf(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("arriba");
    await expect(button).toBeHidden();
    expect(errors).toEqual([]);
  });

  test("shows on a page that opens scrolled down (a reload restores the place), and only then", async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto(SAMPLE_PATH);
    const button = page.getByRole("button", { name: "Volver arriba" });
    await scrollToBottom(page);
    await expect(button).toBeVisible();
    await page.reload();
    await expect.poll(() => topOf(page)).toBeGreaterThan(0);
    await expect(button).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(button).toBeHidden();
    expect(errors).toEqual([]);
  });

  test("is reached and pressed with the keyboard", async ({ page }) => {
    await page.goto(SAMPLE_PATH);
    // A key pressed while the page still settles can go unheard: press End until the page moves.
    await expect(async () => {
      await page.keyboard.press("End");
      expect(await topOf(page)).toBeGreaterThan(0);
    }).toPass();
    const button = page.getByRole("button", { name: "Volver arriba" });
    await expect(button).toBeVisible();
    // The last link of the page, then Tab: the button comes next.
    await page.locator("footer a").last().focus();
    await page.keyboard.press("Tab");
    await expect(button).toBeFocused();
    await page.keyboard.press("Enter");
    await expect.poll(() => topOf(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("arriba");
    // From the top of the page, Tab goes on to the header's first link.
    await page.keyboard.press("Tab");
    await expect(page.locator("header a").first()).toBeFocused();
  });

  test("jumps without animation when the reader prefers reduced motion", async ({ page }) => {
    const errors = consoleErrors(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(SAMPLE_PATH);
    await scrollToBottom(page);
    const button = page.getByRole("button", { name: "Volver arriba" });
    await expect(button).toBeVisible();
    await button.click();
    // No smooth scrolling: already at the top in the same task as the click.
    expect(await topOf(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("arriba");
    expect(errors).toEqual([]);
  });

  test("scrolls smoothly for a reader who does not ask otherwise", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.goto(SAMPLE_PATH);
    await scrollToBottom(page);
    const button = page.getByRole("button", { name: "Volver arriba" });
    await expect(button).toBeVisible();
    // What the button asks of the browser, seen without timing the animation.
    await page.evaluate(() => {
      const scrollTo = window.scrollTo.bind(window);
      const asked: unknown[] = [];
      (window as unknown as { asked: unknown[] }).asked = asked;
      window.scrollTo = ((options: ScrollToOptions) => {
        asked.push(options);
        scrollTo(options);
      }) as typeof window.scrollTo;
    });
    await button.click();
    expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([{ top: 0, behavior: "smooth" }]);
    await expect.poll(() => topOf(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("arriba");
  });

  test("is a real button rendered on the server, hidden at the top, without JavaScript too", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SAMPLE_PATH);
    const button = page.locator("button", { hasText: "Volver arriba" });
    await expect(button).toHaveCount(1);
    await expect(button).toHaveAttribute("type", "button");
    await expect(button).toBeHidden();
    await context.close();
  });
});

test.describe("reader: the header on a phone", () => {
  test("at 390 px, Buscar stays on the line of the sections", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Secciones" });
    const top = async (name: string) => (await nav.getByRole("link", { name, exact: true }).boundingBox())!.y;
    expect(await top("Buscar")).toBe(await top("Portada"));
  });
});

test.describe("reader: a light page for a slow phone", () => {
  test("preloads only the lead image, lets the serif faces come without moving text, asks nothing of another origin", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(SAMPLE_PATH);
    const origin = new URL(page.url()).origin;

    // Preloaded faces share a slow phone's connection with the lead image and the stylesheet.
    await expect(page.locator('head link[rel="preload"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="preload"][as="image"]')).toHaveAttribute("fetchpriority", "high");

    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() =>
      [...document.fonts]
        .filter((face) => face.status === "loaded")
        .map((face) => ({ weight: face.weight, style: face.style, display: face.display })),
    );
    // Loaded from this origin, and never swapped in once the reader has text in front of them.
    expect(faces).toEqual(
      expect.arrayContaining([
        { weight: "400", style: "normal", display: "optional" },
        { weight: "700", style: "normal", display: "optional" },
      ]),
    );
    expect(requested.filter((url) => /\/_next\/static\/media\/source_serif_4_latin_(400|700)_normal.*\.woff2$/.test(url))).toHaveLength(2);

    await page.mouse.wheel(0, 5000);
    await page.waitForLoadState("networkidle");
    expect(requested.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin)).toEqual([]);
  });
});

test.describe("reader: lists", () => {
  test("home shows the latest articles newest first, with their lead images", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    const times = await page
      .locator("main article time")
      .evaluateAll((nodes) => nodes.map((node) => Date.parse(node.getAttribute("datetime") ?? "")));
    expect(times.length).toBeGreaterThan(5);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const images = page.locator("main article img");
    await expect(images).toHaveCount(times.length);
    await expect(images.first()).toHaveAttribute("alt", /\S/);
    await expect(page.locator(`main a[href="${fixtures().filler[0]!.path}"]`)).toHaveCount(1);
  });

  test("home links the topics that have articles", async ({ page }) => {
    await page.goto("/");
    const topics = page.getByRole("navigation", { name: "Temas" });
    await expect(topics.getByRole("link")).toHaveText(["Injerencia extranjera", "Desinformación", "Ciberseguridad", "Canadá"]);
    await expect(page.locator(`a[href="/temas/${fixtures().unusedTopic}"]`)).toHaveCount(0);
    await topics.getByRole("link", { name: "Canadá" }).click();
    await expect(page).toHaveURL("/temas/canada");
  });

  test("section pages are paginated, newest first, and pages outside the range are 404", async ({ page, request }) => {
    await page.goto(SUBSECTION_PATH);
    await expect(page.locator("main article")).toHaveCount(20);
    await expect(page.getByText("Página 1 de 2")).toBeVisible();
    await page.getByRole("link", { name: "Anteriores" }).click();
    await expect(page).toHaveURL(`${SUBSECTION_PATH}/pagina/2`);
    await expect(page.locator("h1")).toContainText("página 2");
    await expect(page.getByRole("link", { name: seed().headline })).toBeVisible();
    for (const bad of ["3", "1", "0", "-1", "02", "abc", "1e3", "99999999999999999999"]) {
      expect((await request.get(`${SUBSECTION_PATH}/pagina/${bad}`)).status(), bad).toBe(404);
    }
  });

  test("author pages list the author's articles and paginate", async ({ page, request }) => {
    await page.goto(AUTHOR_PATH);
    await expect(page.locator("main article")).toHaveCount(20);
    expect((await request.get(`${AUTHOR_PATH}/pagina/2`)).status()).toBe(200);
    expect((await request.get(`${AUTHOR_PATH}/pagina/3`)).status()).toBe(404);
    await page.goto("/autores");
    await expect(page.getByRole("link", { name: "Alex Boutilier" })).toHaveAttribute("href", AUTHOR_PATH);
  });
});

test.describe("reader: topics", () => {
  test("an article's topics lead to their pages, which list its articles newest first and paginate", async ({ page, request }) => {
    await page.goto(SAMPLE_PATH);
    const topics = page.getByRole("navigation", { name: "Temas" });
    await expect(topics.getByRole("link")).toHaveText(["Injerencia extranjera", "Desinformación", "Ciberseguridad", "Canadá"]);
    await topics.getByRole("link", { name: "Desinformación" }).click();
    await expect(page).toHaveURL(TOPIC_PATH);
    await expect(page.locator("h1")).toHaveText("Desinformación");
    await expect(page.getByRole("navigation", { name: "Ruta de navegación" }).getByRole("link")).toHaveText([
      "Inicio",
      "Temas",
      "Desinformación",
    ]);
    // The newest public fixture first; the draft and the scheduled one, newer still, never.
    const { xss, draft, scheduled } = fixtures();
    const links = page.locator("main article h2 a");
    await expect(links).toHaveCount(20);
    await expect(links.first()).toHaveAttribute("href", xss.path);
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
    expect(hrefs).not.toContain(draft.path);
    expect(hrefs).not.toContain(scheduled.path);
    await page.getByRole("link", { name: "Anteriores" }).click();
    await expect(page).toHaveURL(`${TOPIC_PATH}/pagina/2`);
    await expect(page.getByRole("link", { name: seed().headline })).toBeVisible();
    expect((await request.get(`${TOPIC_PATH}/pagina/3`)).status()).toBe(404);
    expect((await request.get("/temas/nada")).status()).toBe(404);
    await page.goto("/temas");
    await expect(page.getByRole("main").getByRole("link", { name: "Canadá" })).toHaveAttribute("href", "/temas/canada");
    await expect(page.locator(`a[href="/temas/${fixtures().unusedTopic}"]`)).toHaveCount(0);
    await page.getByRole("contentinfo").getByRole("link", { name: "Temas" }).click();
    await expect(page).toHaveURL("/temas");
    // Search finds an article by its topics too: the sample's English text never says "ciberseguridad".
    await page.goto(searchPath("Ciberseguridad"));
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText("1 artículo contiene «Ciberseguridad»");
    await expect(page.getByRole("link", { name: seed().headline })).toBeVisible();
  });
});

test.describe("reader: search", () => {
  test("finds an article from the header's link, in any case and without accents, with JavaScript off too", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SAMPLE_PATH);
    await page.getByRole("navigation", { name: "Secciones", exact: true }).getByRole("link", { name: "Buscar" }).click();
    await expect(page).toHaveURL("/buscar");
    const form = page.getByRole("search");
    await form.getByLabel("Palabras que buscas").fill("Canadian INTERFÉRENCE");
    await form.getByRole("button", { name: "Buscar" }).click();
    await expect(page).toHaveURL("/buscar?q=Canadian+INTERF%C3%89RENCE");
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText("1 artículo contiene «Canadian INTERFÉRENCE»");
    await expect(form.getByLabel("Palabras que buscas")).toHaveValue("Canadian INTERFÉRENCE");
    await page.getByRole("link", { name: seed().headline }).click();
    await expect(page).toHaveURL(SAMPLE_PATH);
    await context.close();
  });

  test("offers the query respelled when it finds nothing, and the respelled query finds the article", async ({ page }) => {
    await page.goto(searchPath("Canadian interferance"));
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText("Ningún artículo contiene «Canadian interferance»");
    await expect(page.getByText("¿Quisiste decir Canadian interference?")).toBeVisible();
    await page.getByRole("link", { name: "Canadian interference", exact: true }).click();
    await expect(page).toHaveURL(searchPath("Canadian interference"));
    await expect(page.getByRole("link", { name: seed().headline })).toBeVisible();
    // Nothing near enough: no suggestion.
    await page.goto(searchPath("xqzwv"));
    await expect(page.getByText("¿Quisiste decir")).toHaveCount(0);
  });

  test("never finds a draft or a scheduled article, and pages through many results newest first", async ({ page }) => {
    const { draft, scheduled, filler } = fixtures();
    for (const text of [draft.text, scheduled.text]) {
      await page.goto(searchPath(text));
      await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText(`Ningún artículo contiene «${text}»`);
      await expect(page.locator("main article")).toHaveCount(0);
    }

    // The byline is searched too: the sample, the filler and most fixtures are Alex Boutilier's.
    await page.goto(searchPath("boutilier"));
    const total = Number(
      (await page.getByRole("main").getByRole("heading", { level: 2 }).textContent())!.match(/^(\d+) artículos contienen/)![1],
    );
    expect(total).toBeGreaterThanOrEqual(filler.length);
    await expect(page.locator("main article")).toHaveCount(20);
    const times = await page
      .locator("main article time")
      .evaluateAll((nodes) => nodes.map((node) => Date.parse(node.getAttribute("datetime") ?? "")));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await page.getByRole("link", { name: "Anteriores" }).click();
    await expect(page).toHaveURL(searchPath("boutilier", 2));
    await expect(page.locator("main article")).toHaveCount(total - 20);

    await page.goto(searchPath("boutilier", 9));
    await expect(page.getByText("Esa página de resultados no existe.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ver la primera" })).toHaveAttribute("href", searchPath("boutilier"));
  });
});

test.describe("reader: search by relevance", () => {
  test("puts the articles with the words in the headline first, keeps that order across pages and new searches, and marks the words", async ({
    page,
  }) => {
    const { corrected, moved, related } = fixtures();
    const resultPaths = () =>
      page
        .locator("main article")
        .getByRole("heading")
        .getByRole("link")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    // "Prueba" is in three fixtures' headlines and in the byline of the twenty newest fillers,
    // which by date push the oldest of the three, the related one, to the second page.
    await page.goto(searchPath("prueba"));
    const order = page.getByRole("navigation", { name: "Orden de los resultados" });
    await expect(order.getByRole("link", { name: "Más recientes" })).toHaveAttribute("aria-current", "page");
    expect(await resultPaths()).not.toContain(related.path);

    await order.getByRole("link", { name: "Más relevantes" }).click();
    await expect(page).toHaveURL(searchPath("prueba", 1, "relevancia"));
    await expect(order.getByRole("link", { name: "Más relevantes" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Primero los que tienen más de tus palabras en el titular o la entradilla")).toBeVisible();
    expect((await resultPaths()).slice(0, 3)).toEqual([corrected.path, moved.path, related.path]);

    await page.getByRole("link", { name: "Anteriores" }).click();
    await expect(page).toHaveURL(searchPath("prueba", 2, "relevancia"));
    await page.getByRole("searchbox", { name: "Palabras que buscas" }).fill("ARTICULO prueba");
    await page.getByRole("button", { name: "Buscar" }).click();
    await expect(page).toHaveURL(searchPath("ARTICULO prueba", 1, "relevancia"));
    expect(await resultPaths()).toEqual([corrected.path, moved.path, related.path]);
    // The words found are marked in each headline as the article writes them.
    for (const result of await page.locator("main article").getByRole("heading").all()) {
      await expect(result.locator("mark")).toHaveText(["Artículo", "prueba"]);
    }
  });
});

test.describe("reader: addresses that do not exist", () => {
  for (const path of [
    "/no-existe",
    "/seccion-inexistente",
    "/democracia-y-politica/subseccion-inexistente",
    "/democracia-y-politica/elecciones/articulo-inexistente",
    "/democracia-y-politica/otra/canada-takes-global-role-in-countering-electoral-interference-in-cyberspace",
    "/autores/nadie",
    "/autores/alex-boutilier/extra",
    "/seccion-inexistente/feed.xml",
  ]) {
    test(`${path} answers the Spanish 404 page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page.locator("h1")).toHaveText("Página no encontrada");
      await expect(page).toHaveTitle("Página no encontrada | Gaceta");
      await expect(page.getByRole("link", { name: "Ir a la portada" })).toHaveAttribute("href", "/");
    });
  }

  test("a withdrawn article's address says, in Spanish, that it is gone, when and why", async ({ page }) => {
    const { withdrawn } = fixtures();
    for (const address of [withdrawn.path, `${withdrawn.path}?utm_source=boletin`]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(410);
      expect(response?.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=30, stale-while-revalidate=86400");
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page.locator("h1")).toHaveText("Este artículo fue retirado");
      await expect(page.getByText(withdrawn.reason)).toBeVisible();
      await expect(page.getByText("Retirado el 20 de noviembre de 2026, 09:30 CET.")).toBeVisible();
      await expect(page.getByRole("link", { name: "Ir a la portada" })).toHaveAttribute("href", "/");
    }
  });

  test("the 404 page offers a search, which finds the article a broken link meant", async ({ page }) => {
    expect((await page.goto("/democracia-y-politica/elecciones/canada-takes-global-role"))?.status()).toBe(404);
    await page.getByRole("search").getByLabel("Palabras que buscas").fill("canada global role");
    await page.getByRole("search").getByLabel("Palabras que buscas").press("Enter");
    await expect(page).toHaveURL(searchPath("canada global role"));
    await page.getByRole("link", { name: seed().headline }).click();
    await expect(page).toHaveURL(SAMPLE_PATH);
  });

  test("the 404 page is server-rendered, complete without JavaScript", async ({ request }) => {
    const response = await request.get("/no-existe");
    expect(response.status()).toBe(404);
    const html = await readUnescaped(response);
    expect(html).toContain('<html lang="es"');
    expect(html).toMatch(/<h1[^>]*>Página no encontrada<\/h1>/);
  });
});
