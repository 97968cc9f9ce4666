import { rm } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startRecommendedProxy, type Server } from "../scripts/servers";
import { AUTHOR_PATH, SAMPLE_PATH, SECTION_PATH, SUBSECTION_PATH, fixtures, previewLink, readUnescaped } from "./support";

/**
 * The recommended production setup, deploy/nginx/gaceta.conf in front of the site under test: what
 * one visitor asks for must never become what the shared cache gives every other reader.
 */
const PROXY_PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const PROXY_DIR = path.resolve(".e2e", "shared-cache");

// One nginx on one port: these tests share it, so they run in order in one worker.
test.describe.configure({ mode: "serial" });

let proxy: Server;
test.beforeAll(async () => {
  await rm(PROXY_DIR, { recursive: true, force: true });
  proxy = await startRecommendedProxy(PROXY_DIR, { upstreamPort: Number(new URL(fixtures().siteUrl).port), port: PROXY_PORT });
});
test.afterAll(async () => {
  await proxy?.stop();
});

const through = (address: string) => `${proxy.url}${address}`;

async function fetchPage(request: APIRequestContext, address: string, headers: Record<string, string> = {}) {
  const response = await request.get(through(address), { headers, maxRedirects: 0 });
  return { status: response.status(), headers: response.headers(), body: await readUnescaped(response) };
}

/** A request through the proxy sent exactly as written, Host header included. */
function rawThrough(address: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(proxy.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const sent = http.request({ hostname, port, path: address, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    sent.on("error", reject);
    sent.end();
  });
}

test.describe("security: nothing from outside walks past the shared cache", () => {
  test("a made-up Host header is refused, not a cache key of its own", async () => {
    for (const host of ["evil.example", "127.0.0.2", `www.${Date.now()}.example`]) {
      expect((await rawThrough(SECTION_PATH, { Host: host })).status, host).toBe(421);
    }
    await rawThrough(SECTION_PATH);
    expect((await rawThrough(SECTION_PATH))["headers"]["x-cache-status"]).toBe("HIT");
  });

  test("another spelling of a cached page's address is served the cached copy", async () => {
    await rawThrough(SUBSECTION_PATH);
    for (const spelt of [`/%64${SUBSECTION_PATH.slice(2)}`, SUBSECTION_PATH.replace("elecciones", "el%65cciones")]) {
      const response = await rawThrough(spelt);
      expect(response.status, spelt).toBe(200);
      expect(response.headers["x-cache-status"], spelt).toBe("HIT");
    }
  });

  test("made-up draft-mode cookies and Next.js's internal headers are served the cached page", async () => {
    await rawThrough(AUTHOR_PATH);
    for (const headers of <Record<string, string>[]>[
      { Cookie: "__prerender_bypass=forjada" },
      { Cookie: `__prerender_bypass=${"0".repeat(32)}; gaceta_preview=slug%3Dx` },
      { "x-prerender-revalidate": "1", "x-next-revalidate-tag-token": "1" },
      { RSC: "1", "Next-Router-State-Tree": "%5B%5D" },
    ]) {
      const response = await rawThrough(AUTHOR_PATH, headers);
      expect(response.headers["x-cache-status"], JSON.stringify(headers)).toBe("HIT");
      expect(response.headers["content-type"], JSON.stringify(headers)).toMatch(/^text\/html/);
    }
  });

  test("where nothing is cached, a request with Next.js's headers still gets the page", async () => {
    for (const headers of <Record<string, string>[]>[
      { RSC: "1" },
      { RSC: "1", "Next-Router-Prefetch": "1" },
      { "x-prerender-revalidate": "1" },
    ]) {
      const proxied = await rawThrough("/buscar?q=elecciones", headers);
      expect(proxied.status, JSON.stringify(headers)).toBe(200);
      expect(proxied.headers["content-type"], JSON.stringify(headers)).toMatch(/^text\/html/);
    }
  });
});

test.describe("crawler: the recommended shared cache", () => {
  test("keeps a public page and serves it again without asking the site", async ({ request }) => {
    const first = await fetchPage(request, SECTION_PATH);
    expect(first.status).toBe(200);
    const second = await fetchPage(request, SECTION_PATH);
    expect(second.headers["x-cache-status"]).toBe("HIT");
    expect(second.body).toBe(first.body);
  });

  test("a query string on a page's address is served the page's cached copy", async ({ request }) => {
    // Cached by the test above. Links shared with tracking parameters, and made-up query strings
    // that would otherwise send every request on to Node, get the same copy.
    const cached = await fetchPage(request, SECTION_PATH);
    for (const query of ["?utm_source=boletin&utm_medium=email", `?fbclid=${Date.now()}`, "?_rsc=abc"]) {
      const response = await fetchPage(request, `${SECTION_PATH}${query}`);
      expect(response.headers["x-cache-status"], query).toBe("HIT");
      expect(response.body, query).toBe(cached.body);
    }
  });

  test("search results go to the site every time, each query with its own answer", async ({ request }) => {
    const { corrected } = fixtures();
    const searches = [];
    for (const query of ["interference", corrected.headline, "interference"]) {
      const response = await fetchPage(request, `/buscar?q=${encodeURIComponent(query)}`);
      expect(response.status).toBe(200);
      expect(response.headers["x-cache-status"], query).toBeUndefined();
      searches.push(response.body);
    }
    expect(searches[0]).toContain(SAMPLE_PATH);
    expect(searches[0]).not.toContain(corrected.path);
    expect(searches[1]).toContain(corrected.path);
    expect(searches[1]).not.toContain(SAMPLE_PATH);
    expect(searches[2]).toContain(SAMPLE_PATH);
  });

  test("browsers that word Accept-Encoding differently share one gzip copy", async ({ request }) => {
    const answers = [];
    for (const acceptEncoding of ["gzip, deflate, br, zstd", "gzip, deflate, br", "gzip", "identity", "br"]) {
      // A page no other test asks for (the proxy's start-up check fetched the home page).
      const response = await request.get(through("/autores"), { headers: { "Accept-Encoding": acceptEncoding } });
      answers.push({
        cache: response.headers()["x-cache-status"],
        encoding: response.headers()["content-encoding"],
        body: await response.text(),
      });
    }
    expect(answers.map(({ cache, encoding }) => [cache, encoding])).toEqual([
      ["MISS", "gzip"],
      ["HIT", "gzip"],
      ["HIT", "gzip"],
      ["MISS", undefined],
      ["HIT", undefined],
    ]);
    // Each copy is served whole to every wording.
    expect(new Set(answers.slice(0, 3).map(({ body }) => body)).size).toBe(1);
    expect(answers[4]!.body).toBe(answers[3]!.body);
  });

  test("the image optimizer's copies are kept apart by their parameters and format", async ({ request }) => {
    const image = (width: number) =>
      `/_next/image?url=${encodeURIComponent("/images/2020/05/ballot-box-shield-network.jpg")}&w=${width}&q=75`;
    const copies = new Set<string>();
    for (const width of [480, 768, 480, 768]) {
      for (const [accept, type] of [
        ["image/avif,image/webp,*/*", "image/webp"],
        ["image/png,*/*", "image/jpeg"],
      ] as const) {
        const response = await request.get(through(image(width)), { headers: { Accept: accept } });
        expect(response.status(), image(width)).toBe(200);
        expect(response.headers()["content-type"], `${image(width)} for ${accept}`).toBe(type);
        copies.add(`${type} ${(await response.body()).length}`);
      }
    }
    expect(copies.size).toBe(4);
  });

  test("a React Server Component request never takes the place of a page", async ({ request }) => {
    // Asked for first, before any reader: Next.js redirects an RSC request without its _rsc
    // parameter, and the payload itself lives at ?_rsc. Readers must still get the HTML page.
    for (const address of [AUTHOR_PATH, SUBSECTION_PATH]) {
      await fetchPage(request, address, { RSC: "1" });
      const reader = await fetchPage(request, address);
      expect(reader.status, address).toBe(200);
      expect(reader.headers["content-type"], address).toMatch(/^text\/html/);
      expect(reader.body, address).toContain('<html lang="es"');
    }
    // The proxy passes no RSC header on: such a request is a page request, answered the page.
    const payload = await fetchPage(request, `${SAMPLE_PATH}?_rsc=abc`, { RSC: "1", "Next-Router-Prefetch": "1" });
    expect(payload.headers["content-type"]).toMatch(/^text\/html/);
    for (const address of [SAMPLE_PATH, `${SAMPLE_PATH}?_rsc`]) {
      const reader = await fetchPage(request, address);
      expect(reader.headers["content-type"], address).toMatch(/^text\/html/);
    }
  });

  test("a moved article's old address is kept as its redirect, query strings and all", async ({ request }) => {
    const { moved, draft } = fixtures();
    const [formerPath] = moved.formerPaths;
    const first = await fetchPage(request, formerPath!);
    expect(first.status).toBe(301);
    expect(first.headers["location"]).toBe(moved.path);
    for (const address of [formerPath!, `${formerPath}?utm_source=boletin`]) {
      const again = await fetchPage(request, address);
      expect(again.headers["x-cache-status"], address).toBe("HIT");
      expect(again.status, address).toBe(301);
      expect(again.headers["location"], address).toBe(moved.path);
    }
    expect((await fetchPage(request, moved.path)).status).toBe(200);
    // A draft's former address stays a 404 that says nothing of where the draft lives.
    const hidden = await fetchPage(request, draft.formerPath);
    expect(hidden.status).toBe(404);
    expect(hidden.headers["location"]).toBeUndefined();
  });

  test("a withdrawn article's 410 is kept like a page", async ({ request }) => {
    const { withdrawn } = fixtures();
    const first = await fetchPage(request, withdrawn.path);
    expect(first.status).toBe(410);
    const again = await fetchPage(request, withdrawn.path);
    expect(again.status).toBe(410);
    expect(again.headers["x-cache-status"]).toBe("HIT");
    expect(again.body).toContain(withdrawn.reason);
  });

  test("an editor's preview never reaches the cache", async ({ page, request }) => {
    const { draft } = fixtures();
    const slug = SAMPLE_PATH.split("/").at(-1)!;
    // The editor previews a published article and a draft through the cache...
    for (const [previewed, address] of [
      [slug, SAMPLE_PATH],
      [draft.slug, draft.path],
    ] as const) {
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => new URL(candidate.url()).pathname === address),
        page.goto(through(previewLink(previewed))),
      ]);
      expect(response.headers()["x-cache-status"], address).toBe("BYPASS");
      await expect(page.getByRole("complementary", { name: "Vista previa" })).toBeVisible();
    }
    // ...and readers get the public page, or the 404, never the preview.
    const published = await fetchPage(request, SAMPLE_PATH);
    expect(published.status).toBe(200);
    expect(published.body).not.toContain("Vista previa");
    const hidden = await fetchPage(request, draft.path);
    expect(hidden.status).toBe(404);
    expect(hidden.body).not.toContain(draft.text);
  });

  // Last: it uses up this client's allowance for a moment.
  test("a client that searches too fast is asked, in Spanish, to wait; cached pages are still served", async ({ request }) => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => request.get(through(`/buscar?q=rafaga${index}`))));
    const statuses = answers.map((answer) => answer.status());
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(20);
    const refused = answers.filter((answer) => answer.status() === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(refused[0]!.headers()["retry-after"]).toBe("1");
    expect(refused[0]!.headers()["cache-control"]).toBe("no-store");
    const body = await refused[0]!.text();
    expect(body).toContain('<html lang="es">');
    expect(body).toContain("Espera un momento");
    expect((await fetchPage(request, SECTION_PATH)).status).toBe(200);
  });
});
