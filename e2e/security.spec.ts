import http from "node:http";
import { expect, test } from "@playwright/test";
import { previewQuery } from "../lib/preview";
import { SAMPLE_PATH, fixtures, hoursFromNow, unescaped } from "./support";

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request sent exactly as written: no path normalisation, any method and header. */
function raw(path: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}) {
  const { hostname, port } = new URL(fixtures().siteUrl);
  return new Promise<RawResponse>((resolve, reject) => {
    const request = http.request({ hostname, port, path, method, headers, insecureHTTPParser: true }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

/** What an error page must never show: stack traces, file paths, framework internals. */
function expectNoLeak(response: RawResponse, what: string) {
  for (const leak of [
    /\bat \S+ \(/,
    /\/work\//,
    /node_modules/,
    /\.next\//,
    /\bError:/,
    /webpack|turbopack:\/\//i,
    /"digest"/,
    /process\.env/,
    /PREVIEW_SECRET/,
  ]) {
    expect(response.body, `${what} leaks ${leak}`).not.toMatch(leak);
  }
  expect(response.headers["x-powered-by"], what).toBeUndefined();
}

test.describe("security: headers", () => {
  for (const path of [
    SAMPLE_PATH,
    "/",
    "/no-existe",
    "/feed.xml",
    "/sitemap.xml",
    "/logo.png",
    "/recortes/canada-takes-global-role-in-countering-electoral-interference-in-cyberspace/og.jpg",
  ]) {
    test(`${path} carries the security headers`, async () => {
      const response = await raw(path);
      const csp = response.headers["content-security-policy"] as string;
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain("unsafe-eval");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(response.headers["permissions-policy"]).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(response.headers["x-frame-options"]).toBe("DENY");
      expect(response.headers["x-powered-by"]).toBeUndefined();
      // The site under test is served over plain http: no HSTS there (see the unit test for https).
      expect(response.headers["strict-transport-security"]).toBeUndefined();
    });
  }

  test("public pages let shared caches keep them and serve them stale while revalidating", async () => {
    for (const path of [SAMPLE_PATH, "/", "/democracia-y-politica", "/feed.xml", "/sitemap.xml"]) {
      const cacheControl = (await raw(path)).headers["cache-control"] as string;
      expect(cacheControl, path).toMatch(/s-maxage=\d+/);
      expect(cacheControl, path).toMatch(/stale-while-revalidate=\d+/);
      expect(cacheControl, path).not.toMatch(/private|no-store/);
    }
  });

  test("a React Server Component request gets the page itself, so no cache can keep anything else", async () => {
    // Nobody outside needs payloads (the site never navigates on the client): the request guard
    // drops the headers that ask for one, and a shared cache that keys pages by path can keep
    // whatever answer it gets.
    const page = await raw(SAMPLE_PATH);
    for (const [address, headers] of [
      [SAMPLE_PATH, { RSC: "1" }],
      [`${SAMPLE_PATH}?_rsc`, { RSC: "1" }],
      [`${SAMPLE_PATH}?_rsc=x1`, { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-State-Tree": "%5B%5D" }],
    ] as const) {
      const response = await raw(address, { headers });
      expect(response.status, address).toBe(200);
      expect(response.headers["content-type"], address).toMatch(/^text\/html/);
      expect(response.headers["cache-control"], address).toBe(page.headers["cache-control"]);
      expect(response.body, address).toBe(page.body);
    }
  });
});

test.describe("security: bad input gets a clean 4xx", () => {
  const cases: [string, string, number | RegExp, Record<string, string>?][] = [
    ["path traversal", "/../../etc/passwd", 400],
    ["encoded traversal", "/%2e%2e/%2e%2e/etc/passwd", 400],
    ["encoded dots in a slug", "/democracia-y-politica/elecciones/..%2F..%2Fpackage.json", 400],
    ["dot segments in a slug", "/democracia-y-politica/elecciones/%2e%2e", 400],
    ["invalid percent-encoding", "/%E0%A4%A", 400],
    ["invalid escape", "/democracia-y-politica/%zz", 400],
    ["NUL byte", "/democracia-y-politica/elecciones/%00", 400],
    ["very long path", `/${"a".repeat(3000)}`, 414],
    ["huge path", `/${"a/".repeat(9000)}`, 431],
    ["negative page", "/democracia-y-politica/pagina/-1", 404],
    ["huge page", "/democracia-y-politica/pagina/99999999999999999999999", 404],
    ["page that is not a number", "/democracia-y-politica/pagina/dos", 404],
    ["page with an exponent", "/democracia-y-politica/pagina/1e3", 404],
    ["unknown slug with odd characters", "/democracia-y-politica/elecciones/%3Cscript%3E", 404],
    ["oversized header", "/", 431, { "X-Padding": "a".repeat(20_000) }],
    ["source file", "/package.json", 404],
    ["environment file", "/.env", 404],
    ["config file", "/next.config.ts", 404],
    ["build file", "/.next/BUILD_ID", 404],
    ["content module", "/content/schema.ts", 404],
    ["traversal out of _next", "/_next/static/../../package.json", 400],
    ["traversal into public", "/images/../../package.json", 400],
    ["remote image through the optimizer", "/_next/image?url=https%3A%2F%2Fevil.example%2Fx.png&w=768&q=75", 400],
    ["protocol-relative image", "/_next/image?url=%2F%2Fevil.example%2Fx.png&w=768&q=75", 400],
    ["image outside /images", "/_next/image?url=%2Flogo.png&w=768&q=75", 400],
    ["image width not configured", "/_next/image?url=%2Fimages%2F2020%2F05%2Fballot-box-shield-network.jpg&w=769&q=75", 400],
    ["image quality not configured", "/_next/image?url=%2Fimages%2F2020%2F05%2Fballot-box-shield-network.jpg&w=768&q=100", 400],
    ["unknown crop", "/recortes/canada-takes-global-role-in-countering-electoral-interference-in-cyberspace/9x9.jpg", 404],
    ["unknown child sitemap", "/sitemaps/99.xml", 404],
    ["Next.js's global error route", "/_global-error", 404],
    ["Next.js's global error route, encoded", "/%5Fglobal-error", 404],
    ["Next.js's name for the home page", "/index", 404],
    ["internal publish route", "/api/internal/publish", 404],
    ["internal publish route with a forged token", "/api/internal/publish", 404, { "x-gaceta-publish-token": "00".repeat(32) }],
  ];
  for (const [name, path, status, headers] of cases) {
    test(`${name}: ${path.slice(0, 60)}`, async () => {
      const response = await raw(path, { headers });
      if (typeof status === "number") expect(response.status).toBe(status);
      expectNoLeak(response, name);
    });
  }

  test("Next.js's own routes answer the site's 404 page, not a 500 or an empty shell", async () => {
    for (const path of ["/_global-error", "/%5Fglobal-error", "/_not-found", "/index", "/%69ndex"]) {
      const response = await raw(path);
      expect(response.status, path).toBe(404);
      expect(unescaped(response.body), path).toMatch(/<h1[^>]*>Página no encontrada<\/h1>/);
    }
  });

  test("odd searches get the search page, with the query shown as text and never run", async () => {
    for (const query of [
      "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
      "q=a&q=b&pagina[]=1",
      "q=interference&pagina=99999999999999999999",
      "q=interference&pagina=-1",
      "q=%E0%A4%A",
      "q=%00%1b",
      `q=${"a".repeat(2000)}`,
      "q[]=1&q[x]=2",
      "pagina=2",
      "q=interference&orden=%3Cscript%3E",
      "q=interference&orden[]=relevancia&orden=__proto__",
      "q=interference&orden=relevancia&orden=relevancia&pagina=2",
    ]) {
      const response = await raw(`/buscar?${query}`);
      expect(response.status, query).toBe(200);
      expect(response.headers["cache-control"], query).toMatch(/^private, no-cache, no-store/);
      expect(response.body, query).not.toMatch(/<script>alert|<img src=x/);
      expectNoLeak(response, query);
    }
  });

  test("repeated and unknown query parameters change nothing", async () => {
    const { siteUrl } = fixtures();
    const response = await raw(`${SAMPLE_PATH}?page=1&page=2&x[]=1&utm_source=a&_rsc=`);
    expect(response.status).toBe(200);
    expect(response.body).toContain(`<link rel="canonical" href="${siteUrl}${SAMPLE_PATH}"/>`);
  });

  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]) {
    test(`${method} on pages answers 405 with the allowed methods`, async () => {
      for (const path of [SAMPLE_PATH, "/", "/democracia-y-politica", "/feed.xml", "/api/preview"]) {
        const response = await raw(path, { method, headers: { "Content-Type": "application/x-www-form-urlencoded", "Next-Action": "x" } });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.allow).toBe("GET, HEAD");
        expectNoLeak(response, `${method} ${path}`);
      }
    });
  }

  test("HEAD answers like GET, without a body", async () => {
    const response = await raw(SAMPLE_PATH, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.body).toBe("");
  });

  test("no open redirects", async () => {
    for (const path of ["//evil.example", "//evil.example/%2e%2e", "/\\evil.example", "/%5Cevil.example", "/%2F%2Fevil.example"]) {
      const response = await raw(path);
      expect(response.status, path).toBeLessThan(500);
      const location = response.headers.location ?? "";
      expect(location, path).not.toMatch(/^(https?:)?\/\/|^\/\\|evil\.example\//);
    }
    const exit = await raw("/api/preview/exit?slug=https%3A%2F%2Fevil.example");
    expect(exit.headers.location).toBe("/");
  });

  test("internal Next.js headers from outside change nothing", async () => {
    const plain = await raw(SAMPLE_PATH);
    const forged = await raw(SAMPLE_PATH, {
      headers: {
        "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
        "x-now-route-matches": "1",
        "x-invoke-path": "/api/preview",
        "x-nextjs-data": "1",
      },
    });
    expect(forged.status).toBe(plain.status);
    expect(forged.headers["cache-control"]).toBe(plain.headers["cache-control"]);
  });
});

/** An address with one of its letters percent-encoded: the same address, spelt another way. */
const escapeLetter = (path: string, at: number) => path.slice(0, at) + `%${path.charCodeAt(at).toString(16)}` + path.slice(at + 1);

/** What a shared cache and a reader see of an answer: status, caching, where it leads, the page's heading. */
const answer = (response: RawResponse) => ({
  status: response.status,
  cacheControl: response.headers["cache-control"],
  location: response.headers["location"],
  referrerPolicy: response.headers["referrer-policy"],
  heading: unescaped(/<h1[^>]*>(.*?)<\/h1>/s.exec(response.body)?.[1] ?? ""),
});

test.describe("security: every spelling of an address gets the same answer", () => {
  test("scheduled, withdrawn and moved articles' addresses, with any letter escaped", async () => {
    const { scheduled, withdrawn, moved } = fixtures();
    const addresses = [scheduled.path, scheduled.formerPath, withdrawn.path, ...moved.formerPaths, SAMPLE_PATH];
    for (const address of addresses) {
      const plain = answer(await raw(address));
      for (const at of [1, address.lastIndexOf("/") + 1, address.length - 1]) {
        const spelt = escapeLetter(address, at);
        expect(answer(await raw(spelt)), spelt).toEqual(plain);
      }
    }
    // The scheduled article's address is the site's own 404 page, however it is spelt.
    expect(answer(await raw(escapeLetter(scheduled.path, scheduled.path.length - 1))).heading).toBe("Página no encontrada");
  });

  test("search and the preview route keep their own headers when spelt another way", async () => {
    for (const [address, spelt] of [
      ["/buscar?q=elecciones", "/%62uscar?q=elecciones"],
      ["/buscar?q=elecciones", "/bu%73car?q=elecciones"],
      ["/api/preview?slug=x", "/%61pi/preview?slug=x"],
      ["/api/preview?slug=x", "/api/%70review?slug=x"],
    ]) {
      expect(answer(await raw(spelt!)), spelt).toEqual(answer(await raw(address!)));
    }
  });
});

test.describe("security: nothing about an embargoed article before its time", () => {
  test("a word only a scheduled article has is answered as if it did not exist: with the public near word", async ({ request }) => {
    // "Carvajal" is only in the scheduled article, "Carbajal" in a public one.
    for (const query of ["carvajal", "Carvajal", "ministra carvajal"]) {
      const html = unescaped(await (await request.get(`/buscar?q=${encodeURIComponent(query)}`)).text());
      expect(html, query).toMatch(/¿Quisiste decir/);
      expect(html, query).toContain(query.replace(/carvajal/i, "carbajal"));
      expect(html, query).not.toContain(fixtures().scheduled.path);
    }
  });
});

test.describe("security: cookies that were never given change nothing", () => {
  test("a made-up draft-mode cookie, or a preview token for another article, opens no scheduled article", async () => {
    const { scheduled, draft, previewSecret } = fixtures();
    const otherToken = encodeURIComponent(previewQuery({ slug: draft.slug, expires: hoursFromNow(1) }, previewSecret));
    const plain = answer(await raw(scheduled.path));
    for (const cookie of [
      "__prerender_bypass=1",
      `__prerender_bypass=${"a".repeat(32)}`,
      `__prerender_bypass=x; gaceta_preview=${otherToken}`,
      "gaceta_preview=slug%3Dx",
    ]) {
      const response = await raw(scheduled.path, { headers: { cookie } });
      expect(answer(response), cookie).toEqual(plain);
      expect(response.body).not.toContain(scheduled.text);
    }
  });

  test("a public page answers a made-up draft-mode cookie as it answers anyone: cached, public", async () => {
    const plain = await raw(SAMPLE_PATH);
    for (const cookie of ["__prerender_bypass=forjada", "tema=oscuro; __prerender_bypass=1; gaceta_preview=falso"]) {
      const forged = await raw(SAMPLE_PATH, { headers: { cookie } });
      expect(answer(forged), cookie).toEqual(answer(plain));
      expect(forged.headers["x-robots-tag"], cookie).toBe(plain.headers["x-robots-tag"]);
    }
  });
});

test.describe("security: images of unpublished articles, and work for the image optimizer", () => {
  const optimized = (image: string, width = "768", quality = "75") =>
    `/_next/image?url=${encodeURIComponent(image)}&w=${width}&q=${quality}`;

  test("a draft's or a scheduled article's lead image is not served, as a file or optimized", async () => {
    const { draft, scheduled } = fixtures();
    for (const image of [draft.image, scheduled.image]) {
      for (const address of [image, escapeLetter(image, image.length - 5), optimized(image), optimized(image, "480")]) {
        const response = await raw(address, { headers: { Accept: "image/webp,*/*" } });
        expect(response.status, address).toBe(404);
        expect(response.headers["content-type"], address).not.toMatch(/^image\//);
      }
    }
    // A public article's image, the same file under another name, is served.
    expect((await raw("/images/2020/05/ballot-box-shield-network.jpg")).status).toBe(200);
    expect((await raw(optimized("/images/2020/05/ballot-box-shield-network.jpg"))).status).toBe(200);
  });

  test("only the optimizer requests the site makes do work: any other variant is a 400", async () => {
    const image = "/images/2020/05/ballot-box-shield-network.jpg";
    for (const address of [
      `/_next/image?url=${encodeURIComponent(`${image}#1`)}&w=768&q=75`,
      `/_next/image?url=${encodeURIComponent(`${image}?`)}&w=768&q=75`,
      optimized(image, "0768"),
      optimized(image, "768", "075"),
      optimized(image, "767"),
      `${optimized(image)}&v=2`,
      optimized("/logo.png"),
    ]) {
      const response = await raw(address);
      expect(response.status, address).toBe(400);
      expect(response.headers["cache-control"], address).toBe("no-store");
    }
  });
});
