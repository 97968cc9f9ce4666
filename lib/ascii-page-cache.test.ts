import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { asciiEntry, installAsciiPageCache } from "./ascii-page-cache";

type Entry = Parameters<typeof asciiEntry>[0];
const page = (html: string) => ({ kind: "APP_PAGE", html, rscData: Buffer.from("0:{}"), headers: {}, status: 200, postponed: undefined, segmentData: undefined }) as unknown as Entry;

test("a page entry's HTML becomes ASCII; feeds, sitemaps and empty entries stay as they were", () => {
  assert.deepEqual(asciiEntry(page("<h1>Política › Elecciones</h1>")), page("<h1>Pol&#xed;tica &#x203a; Elecciones</h1>"));
  const feed = { kind: "APP_ROUTE", body: Buffer.from("<title>Política</title>"), headers: {}, status: 200 } as unknown as Entry;
  assert.equal(asciiEntry(feed), feed);
  assert.equal(asciiEntry(null), null);
});

test("once installed, Next.js's incremental cache stores a re-rendered page as ASCII, with no per-request import", async () => {
  installAsciiPageCache();
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
  await handler.set("/democracia-y-politica", page("<p>“Cuestionó” — 2026</p>"), { cacheControl: { revalidate: false, expire: undefined } });
  const stored = await handler.get("/democracia-y-politica", { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false });
  assert.equal(stored?.value?.html, "<p>&#x201c;Cuestion&#xf3;&#x201d; &#x2014; 2026</p>");
});
