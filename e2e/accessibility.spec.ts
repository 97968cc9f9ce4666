import { test } from "@playwright/test";
import { AUTHOR_PATH, SAMPLE_PATH, SECTION_PATH, SUBSECTION_PATH, TOPIC_PATH, expectNoAxeViolations, fixtures } from "./support";

const PAGES = {
  article: SAMPLE_PATH,
  home: "/",
  section: SECTION_PATH,
  subsection: SUBSECTION_PATH,
  "section, page 2": `${SUBSECTION_PATH}/pagina/2`,
  author: AUTHOR_PATH,
  authors: "/autores",
  topic: TOPIC_PATH,
  topics: "/temas",
  "search results": "/buscar?q=interference",
  "search results by relevance, paginated": "/buscar?q=prueba&orden=relevancia",
  "search without results": "/buscar?q=nada",
  "search with a suggestion": "/buscar?q=interferance",
  "404": "/no-existe",
};

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const [name, path] of Object.entries(PAGES)) {
      test(`axe finds no WCAG 2.2 AA violation on the ${name} page`, async ({ page }) => {
        await page.goto(path);
        await expectNoAxeViolations(page);
      });
    }

    test("axe finds none on an article with corrections", async ({ page }) => {
      await page.goto(fixtures().corrected.path);
      await page.getByRole("region", { name: "Fe de errores" }).waitFor();
      await expectNoAxeViolations(page);
    });

    test("axe finds none on the article with the back-to-top button showing", async ({ page }) => {
      await page.goto(SAMPLE_PATH);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.getByRole("button", { name: "Volver arriba" }).waitFor();
      await expectNoAxeViolations(page);
    });
  });
}
