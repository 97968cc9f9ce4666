import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { latestRenders, rscDataStoredWith, storedPagesDirs } from "../lib/page-output";
import { siteTree } from "./paths";
import { AUTHOR_PATH, SAMPLE_PATH, SECTION_PATH, SUBSECTION_PATH, TOPIC_PATH, fixtures, unescaped } from "./support";

/**
 * An archive is not prerendered whole (lib/prerender.ts): the site under test prerenders its six
 * newest articles and the first page of each list, as a large archive's build prerenders what
 * readers read. The rest renders on its first request, and every address with no page gets the
 * 404 page without a render.
 */
/** The file Next.js keeps a page in, prerendered or rendered since (lib/page-output.ts). */
const storedPage = async (address: string) => (await latestRenders(Object.values(storedPagesDirs(siteTree())))).get(address)?.file;

/** The opening tags of a page's scripts: what a reader's browser would run or load. */
const scriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag);

test.describe("archive: pages the build did not prerender", () => {
  test("an old article renders on its first request as a prerendered one is sent, and is stored as sent", async ({ request }) => {
    const { archived } = fixtures();
    expect(await storedPage(archived.path), "the build prerendered it").toBeUndefined();
    const first = await request.get(archived.path);
    expect(first.status()).toBe(200);
    const html = await first.text();
    expect(unescaped(html)).toContain(archived.headline);
    expect(unescaped(html)).toContain("Un texto de hace años que nadie ha pedido todavía.");
    // The same document a prerendered article is: JSON-LD and the back-to-top script, no runtime.
    const prerendered = await (await request.get(SAMPLE_PATH)).text();
    expect(scriptTags(html)).toEqual(scriptTags(prerendered));
    expect(html).not.toContain("self.__next_f");
    await expect.poll(() => storedPage(archived.path)).toBeDefined();
    expect(await readFile((await storedPage(archived.path))!, "utf8")).toBe(html);
    // Stored without RSC data, as the build's prerendered pages are: Next.js would read it with
    // the page on every request.
    expect(await rscDataStoredWith((await storedPage(archived.path))!)).toBe(0);
    expect(await rscDataStoredWith((await storedPage(SAMPLE_PATH))!)).toBe(0);
    const again = await request.get(archived.path);
    expect(await again.text()).toBe(html);
    expect(again.headers()["cache-control"]).toBe(first.headers()["cache-control"]);
  });

  test("later list pages render on their first request, lean, and pages past the end are 404", async ({ request }) => {
    for (const address of [
      `${SECTION_PATH}/pagina/2`,
      `${SUBSECTION_PATH}/pagina/2`,
      `${AUTHOR_PATH}/pagina/2`,
      `${TOPIC_PATH}/pagina/2`,
    ]) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(200);
      const html = await response.text();
      expect(unescaped(html), address).toContain("página 2");
      expect(html, address).not.toContain("self.__next_f");
    }
  });

  test("an address with no page gets the 404 page without a render, and nothing is stored for it", async ({ request }) => {
    const { draft, archived } = fixtures();
    const addresses = [
      `${SUBSECTION_PATH}/no-existe`,
      `${archived.path}-bis`,
      "/otra-seccion/otra-subseccion/otro-articulo",
      `${AUTHOR_PATH}/otra-cosa`,
      "/temas/desinformacion/otra-cosa",
      draft.path,
      `${SECTION_PATH}/pagina/9`,
      `${SUBSECTION_PATH}/pagina/3`,
      `${AUTHOR_PATH}/pagina/40`,
      `${TOPIC_PATH}/pagina/3`,
      "/autores/nadie/pagina/2",
      "/temas/nada/pagina/2",
      "/nada/pagina/2",
      "/nada/nada/pagina/2",
      "/api/preview/otra-cosa",
      `${SECTION_PATH}/pagina/02`,
    ];
    for (const address of addresses) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(404);
      expect(unescaped(await response.text()), address).toMatch(/<h1[^>]*>Página no encontrada<\/h1>/);
    }
    for (const address of addresses) expect(await storedPage(address), address).toBeUndefined();
  });
});
