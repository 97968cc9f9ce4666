import assert from "node:assert/strict";
import http from "node:http";
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import {
  PAGE_TAG_PREFIX,
  installPageOutputCache,
  leanHtml,
  leanResponse,
  pageOutputEntry,
  pagesRenderedBefore,
  renderedPagePath,
  storePrerenderedPage,
} from "./page-output";
import { WholeResponse } from "./whole-answer";

type Entry = Parameters<typeof pageOutputEntry>[0];
const pageEntry = (html: string) =>
  ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from("0:{}"),
    headers: {},
    status: 200,
    postponed: undefined,
    segmentData: undefined,
  }) as unknown as Entry;

test("a page entry's HTML becomes lean and ASCII, without RSC data; feeds, sitemaps and empty entries stay as they were", () => {
  const withSegments = {
    ...pageEntry('<h1>Política › Elecciones</h1><script>self.__next_f.push([1,"x"])</script>'),
    segmentData: new Map([["/_tree", Buffer.from("x")]]),
  } as Entry;
  assert.deepEqual(pageOutputEntry(withSegments), {
    ...pageEntry("<h1>Pol&#xed;tica &#x203a; Elecciones</h1>"),
    rscData: Buffer.alloc(0),
    segmentData: undefined,
  });
  const feed = { kind: "APP_ROUTE", body: Buffer.from("<title>Política</title>"), headers: {}, status: 200 } as unknown as Entry;
  assert.equal(pageOutputEntry(feed), feed);
  assert.equal(pageOutputEntry(null), null);
});

test("a page loses Next.js's runtime, its RSC data and their hints, and keeps JSON-LD, the back-to-top script and the rest", () => {
  const kept = [
    '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
    '<link rel="preload" href="/_next/static/media/a.woff2" as="font" crossorigin="" type="font/woff2"/>',
    '<link rel="preload" as="image" fetchPriority="high" href="/_next/image?url=%2Fimages%2Fa.jpg&amp;w=768&amp;q=75"/>',
    '<script type="application/ld+json">{"@context":"https://schema.org"}</script>',
    "<h1>Titular</h1>",
    '<script src="/back-to-top.js" defer=""></script>',
  ];
  const dropped = [
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
    '<link rel="modulepreload" href="/_next/static/chunks/b.js"/>',
    '<script src="/_next/static/chunks/turbopack-a.js" async=""></script>',
    '<script src="/_next/static/chunks/c.js" noModule=""></script>',
    '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>',
    "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
    '<script>self.__next_f.push([1,"2b:[\\"$\\",\\"p\\",null,{}]"])</script>',
    '<div hidden=""><!--$--><!--/$--></div>',
  ];
  const html = `<html><head>${kept.slice(0, 3).join("")}${dropped.slice(0, 2).join("")}</head><body>${dropped[7]}${kept.slice(3).join("")}${dropped.slice(2, 7).join("")}</body></html>`;
  assert.equal(leanHtml(html), `<html><head>${kept.slice(0, 3).join("")}</head><body>${kept.slice(3).join("")}</body></html>`);
});

test("once installed, Next.js's incremental cache stores a re-rendered page lean and in ASCII, with no per-request import", async () => {
  installPageOutputCache();
  const nextRequire = createRequire(path.join(process.cwd(), "package.json"));
  const { IncrementalCache } = nextRequire("next/dist/server/lib/incremental-cache/index.js");
  const { nodeFs } = nextRequire("next/dist/server/lib/node-fs-methods.js");
  const incrementalCache = new IncrementalCache({
    fs: nodeFs,
    dev: false,
    requestHeaders: {},
    minimalMode: false,
    serverDistDir: "/nonexistent",
    maxMemoryCacheSize: 1e6,
    flushToDisk: false,
    previewProps: { previewModeId: "id", previewModeSigningKey: "signing", previewModeEncryptionKey: "encryption" },
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: {} },
    allowedRevalidateHeaderKeys: [],
    fetchCacheKeyPrefix: "",
  });
  // A configured `cacheHandler` would count as custom, and next start would import it per request.
  assert.equal(incrementalCache.hasCustomCacheHandler, false);
  const handler = incrementalCache.cacheHandler;
  await handler.set("/democracia-y-politica", pageEntry("<p>“Cuestionó” — 2026</p><script>self.__next_f.push([0])</script>"), {
    cacheControl: { revalidate: false, expire: undefined },
  });
  const stored = await handler.get("/democracia-y-politica", { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false });
  assert.equal(stored?.value?.html, "<p>&#x201c;Cuestion&#xf3;&#x201d; &#x2014; 2026</p>");
  assert.equal(stored?.value?.rscData?.length, 0);
});

test("a prerendered page is stored lean, dated as built, with an empty .rsc, no segments and a .meta naming none", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gaceta-stored-page-"));
  try {
    const stored = path.join(dir, "democracia-y-politica");
    const builtAt = new Date("2026-11-27T10:00:00Z");
    await writeFile(`${stored}.html`, "<h1>Política</h1><script>self.__next_f.push([0])</script>");
    await utimes(`${stored}.html`, builtAt, builtAt);
    await writeFile(`${stored}.rsc`, "0:{}");
    await mkdir(`${stored}.segments`);
    await writeFile(path.join(`${stored}.segments`, "_tree.segment.rsc"), "0:{}");
    const meta = { headers: { "x-nextjs-prerender": "1" }, segmentPaths: ["/_tree"], routeCache: { key: "/route-cache/x" } };
    await writeFile(`${stored}.meta`, JSON.stringify(meta));
    await storePrerenderedPage(`${stored}.html`);
    assert.equal(await readFile(`${stored}.html`, "utf8"), "<h1>Pol&#xed;tica</h1>");
    assert.equal((await stat(`${stored}.html`)).mtimeMs, builtAt.getTime());
    assert.equal((await readFile(`${stored}.rsc`)).length, 0);
    await assert.rejects(stat(`${stored}.segments`), { code: "ENOENT" });
    assert.deepEqual(JSON.parse(await readFile(`${stored}.meta`, "utf8")), { headers: meta.headers, routeCache: meta.routeCache });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** Serves one response through leanResponse, as Next.js sends a page rendered for a request. */
async function throughLeanResponse(send: (response: http.ServerResponse) => void, headers: Record<string, string> = {}, method = "GET") {
  const server = http.createServer({ ServerResponse: WholeResponse }, (request, response) => {
    leanResponse(request, response);
    send(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer; status: number }>((resolve, reject) => {
      const sent = http.request({ port, host: "127.0.0.1", path: "/buscar?q=x", headers, method }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks), status: response.statusCode ?? 0 }));
      });
      sent.on("error", reject);
      sent.end();
    });
  } finally {
    server.close();
  }
}

const page = (response: http.ServerResponse) => {
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  // Next.js's compression layer writes the status line and headers before the first chunk.
  response.writeHead(200, { "X-Render": "dynamic" });
  response.flushHeaders();
  response.write('<html><body><h1>Política</h1><script src="/_next/static/chunks/a.js" async=""></script>');
  response.end("<script>self.__next_f.push([0])</script></body></html>");
};

test("a page rendered for a request is sent lean, gzipped when the reader accepts it, its headers kept", async () => {
  const lean = "<html><body><h1>Pol&#xed;tica</h1></body></html>";
  const gzipped = await throughLeanResponse(page, { "Accept-Encoding": "gzip, deflate, br" });
  assert.equal(gzipped.headers["content-encoding"], "gzip");
  assert.equal(gzipped.headers["x-render"], "dynamic");
  assert.equal(Number(gzipped.headers["content-length"]), gzipped.body.length);
  assert.equal(gunzipSync(gzipped.body).toString(), lean);
  const plain = await throughLeanResponse(page);
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.body.toString(), lean);
  const head = await throughLeanResponse(page, {}, "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test("what is not HTML goes out as it came", async () => {
  const json = await throughLeanResponse((response) => {
    response.setHeader("Content-Type", "application/json");
    response.end('{"script":"<script>x</script>"}');
  });
  assert.equal(json.body.toString(), '{"script":"<script>x</script>"}');
});

test("the tag markPagesStale gives a page is the one Next.js gives it", () => {
  const nextRequire = createRequire(path.join(process.cwd(), "package.json"));
  const { NEXT_CACHE_IMPLICIT_TAG_ID } = nextRequire("next/dist/lib/constants.js");
  assert.equal(PAGE_TAG_PREFIX, NEXT_CACHE_IMPLICIT_TAG_ID);
});

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
    // The most recently rendered first: a publication warms those at once.
    assert.equal((await pagesRenderedBefore(6_000_000, [app, routeCache]))[0], "/politica");
    assert.deepEqual(await pagesRenderedBefore(6_000_000, [path.join(root, "missing"), routeCache]).then((pages) => pages.sort()), [
      "/feed.xml",
      "/politica",
      "/politica/pagina/9",
    ]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
