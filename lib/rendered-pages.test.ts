import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { pagesRenderedBefore, renderedPagePath } from "./rendered-pages";

test("a rendered file's address; Next.js's own files and templates are no page", () => {
  assert.equal(renderedPagePath("index.html"), "/");
  assert.equal(renderedPagePath("democracia-y-politica/elecciones.html"), "/democracia-y-politica/elecciones");
  assert.equal(renderedPagePath("feed.xml.body"), "/feed.xml");
  assert.equal(renderedPagePath("autores/alex-boutilier/pagina/2.html"), "/autores/alex-boutilier/pagina/2");
  for (const file of ["_not-found.html", "_global-error.html", "[section]/page.html", "autores.meta", "autores.rsc", "icon.svg.meta"]) {
    assert.equal(renderedPagePath(file), null, file);
  }
});

test("only the pages rendered before a publication's time are out of date: a restart does not redo the rest", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "gaceta-rendered-"));
  try {
    await mkdir(path.join(root, "politica"), { recursive: true });
    const files = {
      "index.html": 1_000,
      "politica.html": 5_000,
      "politica/pagina/2.html": 1_000,
      "feed.xml.body": 1_000,
      "politica.rsc": 1_000,
    };
    for (const [file, seconds] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), "x");
      await utimes(path.join(root, file), seconds, seconds);
    }
    assert.deepEqual((await pagesRenderedBefore(3_000_000, [root])).sort(), ["/", "/feed.xml", "/politica/pagina/2"]);
    assert.deepEqual(await pagesRenderedBefore(500_000, [root]), []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("a page rendered on demand or regenerated counts from its newest render, wherever Next.js keeps it", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "gaceta-rendered-"));
  const app = path.join(root, "app");
  const routeCache = path.join(root, "route-cache");
  try {
    const files = {
      [path.join(app, "politica.html")]: 1_000,
      [path.join(app, "index.html")]: 1_000,
      // Regenerated since the build: its newer copy counts.
      [path.join(routeCache, "APP_PAGE", "a1b2", "$", "politica.html")]: 5_000,
      // Rendered on its first request, never prerendered.
      [path.join(routeCache, "APP_PAGE", "c3d4", "$", "politica", "pagina", "9.html")]: 1_000,
      [path.join(routeCache, "APP_ROUTE", "e5f6", "$", "feed.xml.body")]: 1_000,
      [path.join(routeCache, "APP_PAGE", "c3d4", "$", "politica", "pagina", "9.meta")]: 1_000,
      // The build's page, copied when a server first read it: still as old as the build.
      [path.join(routeCache, "APP_PAGE", "g7h8", "$", "index.html")]: 9_000,
    };
    for (const [file, seconds] of Object.entries(files)) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, "x");
      await utimes(file, seconds, seconds);
    }
    await writeFile(path.join(routeCache, "APP_PAGE", "g7h8", "$", "index.meta"), '{"headers":{"x-nextjs-prerender":"1"}}');
    assert.deepEqual((await pagesRenderedBefore(3_000_000, [app, routeCache])).sort(), ["/", "/feed.xml", "/politica/pagina/9"]);
    assert.deepEqual(await pagesRenderedBefore(6_000_000, [path.join(root, "missing"), routeCache]).then((pages) => pages.sort()), [
      "/feed.xml",
      "/politica",
      "/politica/pagina/9",
    ]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
