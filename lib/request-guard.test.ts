import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import {
  canonicalUrl,
  dropForgedPreviewCookies,
  imageAccess,
  isEarlyForScheduled,
  isFrameworkRoute,
  isOnDemandRoute,
  movedLocation,
  onDemandPage,
  rejectRequest,
  withdrawalOf,
  withdrawnPage,
} from "./request-guard";

test("only GET and HEAD reach the site", () => {
  assert.equal(rejectRequest("GET", "/"), null);
  assert.equal(rejectRequest("HEAD", "/feed.xml"), null);
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "get", undefined]) {
    assert.equal(rejectRequest(method, "/")?.status, 405, String(method));
  }
});

test("malformed percent-encoding and control characters are a 400", () => {
  for (const url of ["/%E0%A4%A", "/%zz", "/a%2", "/%", "/%C0%AF", "/x/%00", "/x%0d%0aSet-Cookie:a=b", "/%7F"]) {
    assert.equal(rejectRequest("GET", url)?.status, 400, url);
  }
  assert.equal(rejectRequest("GET", "/democracia-y-pol%C3%ADtica?q=%zz"), null);
});

test("encoded dot segments and slashes are a 400", () => {
  for (const url of ["/a/%2e%2e", "/a/%2E%2E/b", "/a/%2e", "/a/..%2F..%2Fpackage.json", "/a/%5C..%5Cx", "/../etc/passwd"]) {
    assert.equal(rejectRequest("GET", url)?.status, 400, url);
  }
  assert.equal(rejectRequest("GET", "/a/b.c/d..e"), null);
});

test("addresses longer than any the site makes are a 414", () => {
  assert.equal(rejectRequest("GET", `/${"a".repeat(2047)}`), null);
  assert.equal(rejectRequest("GET", `/${"a".repeat(2048)}`)?.status, 414);
  assert.equal(rejectRequest("GET", undefined)?.status, 414);
});

test("Next.js's own routes are told apart from the site's pages and assets", () => {
  for (const url of [
    "/_global-error",
    "/_global-error/",
    "/%5Fglobal-error?x=1",
    "/_not-found",
    "/index",
    "/%69ndex",
    "/index/x",
    "/_next",
    "/_nextx/a",
  ]) {
    assert.equal(isFrameworkRoute(url), true, url);
  }
  for (const url of [
    "/",
    "/?index",
    "/indice",
    "/indexado/a/b",
    "/_next/static/chunks/a.js",
    "/_next/image?url=%2Fimages%2Fa.jpg&w=480&q=75",
    "/a/_b",
    "/autores/index",
    "/%zz",
  ]) {
    assert.equal(isFrameworkRoute(url), false, url);
  }
});

test("a scheduled article's address is early until its time, except in draft mode", () => {
  const scheduledAt = (path: string) => (path === "/a/b/programado" ? 2_000 : undefined);
  const request = (url: string, cookie?: string) => ({ url, headers: cookie ? { cookie } : {} });
  assert.equal(isEarlyForScheduled(request("/a/b/programado"), { scheduledAt, publishedThrough: () => 1_000 }), true);
  assert.equal(isEarlyForScheduled(request("/a/b/programado?utm=x"), { scheduledAt, publishedThrough: () => 1_000 }), true);
  assert.equal(isEarlyForScheduled(request("/a/b/programado"), { scheduledAt, publishedThrough: () => 2_000 }), false);
  assert.equal(isEarlyForScheduled(request("/a/b/otro"), { scheduledAt, publishedThrough: () => 1_000 }), false);
  // Only a valid preview token for that very article lets its address through: not a made-up
  // draft-mode cookie, nor a token for another article.
  const previewed = (cookie: string | undefined) =>
    cookie?.includes("token-programado")
      ? { path: "/a/b/programado", image: "/images/p.jpg" }
      : cookie?.includes("token-otro")
        ? { path: "/a/b/otro", image: "/images/o.jpg" }
        : undefined;
  const early = (cookie: string) =>
    isEarlyForScheduled(request("/a/b/programado", cookie), { scheduledAt, previewed, publishedThrough: () => 1_000 });
  assert.equal(early("x=1; __prerender_bypass=abc"), true);
  assert.equal(early("__prerender_bypass=abc; gaceta_preview=token-otro"), true);
  assert.equal(early("__prerender_bypass=abc; gaceta_preview=token-programado"), false);
});

test("every spelling of an address is the site's one spelling", () => {
  assert.equal(canonicalUrl("/democracia-y-politica/elecciones/embargad%61"), "/democracia-y-politica/elecciones/embargada");
  assert.equal(canonicalUrl("/%64emocracia-y-politica/%65lecciones/a"), "/democracia-y-politica/elecciones/a");
  assert.equal(canonicalUrl("/%62uscar?q=%61"), "/buscar?q=%61", "the query string is the page's business");
  assert.equal(canonicalUrl("/%61pi/preview"), "/api/preview");
  assert.equal(canonicalUrl("/%7e%2D%2e%5f"), "/~-._");
  // Escapes of what an address may not hold bare stay escaped, in one case.
  assert.equal(canonicalUrl("/a%2fb/%c3%b1"), "/a%2Fb/%C3%B1");
  assert.equal(canonicalUrl("/%zz"), "/%zz");
});

test("made-up draft-mode and preview cookies are dropped before Next.js sees them; a valid token keeps them", () => {
  const previewed = (cookie: string | undefined) =>
    cookie?.includes("gaceta_preview=valido") ? { path: "/a/b/c", image: "/images/c.jpg" } : undefined;
  const after = (cookie: string) => {
    const request = { headers: { cookie } as { cookie?: string } };
    dropForgedPreviewCookies(request, { previewed });
    return request.headers.cookie;
  };
  assert.equal(after("__prerender_bypass=cualquiera"), undefined);
  assert.equal(after("tema=oscuro; __prerender_bypass=x; gaceta_preview=falso"), "tema=oscuro");
  assert.equal(after("tema=oscuro"), "tema=oscuro");
  assert.equal(after("__prerender_bypass=x; gaceta_preview=valido"), "__prerender_bypass=x; gaceta_preview=valido");
});

test("a former address of a moved article leads to its address now, by path alone", () => {
  const movedTo = (path: string) => (path === "/a/b/antes" ? "/a/c/ahora" : undefined);
  assert.equal(movedLocation({ url: "/a/b/antes" }, { movedTo }), "/a/c/ahora");
  assert.equal(movedLocation({ url: "/a/b/antes?utm_source=x" }, { movedTo }), "/a/c/ahora");
  assert.equal(movedLocation({ url: "/a/b/antes-no" }, { movedTo }), undefined);
  assert.equal(movedLocation({ url: "/a/b/antes" }, {}), undefined);
});

test("a withdrawn article's address is gone, with the reason and the time in Spanish, by path alone", () => {
  const withdrawn = (path: string) =>
    path === "/a/b/retirado" ? { withdrawnAt: "2026-11-27T10:00:00+01:00", reason: "Retirado por orden judicial <urgente>." } : undefined;
  assert.equal(withdrawalOf({ url: "/a/b/retirado?fbclid=1" }, { withdrawn })?.reason, "Retirado por orden judicial <urgente>.");
  assert.equal(withdrawalOf({ url: "/a/b/otro" }, { withdrawn }), undefined);
  const page = withdrawnPage(withdrawn("/a/b/retirado")!);
  assert.match(page, /<title>Este artículo fue retirado \| Gaceta<\/title>/);
  assert.match(page, /<p>Retirado por orden judicial &lt;urgente&gt;\.<\/p>/);
  assert.match(page, /<p>Retirado el 27 de noviembre de 2026, 10:00 CET\.<\/p>/);
});

const at = (url: string, cookie?: string) => ({ url, headers: cookie ? { cookie } : {} });

test("the image optimizer does work only for the requests the site itself makes", () => {
  const good = "/_next/image?url=%2Fimages%2F2020%2Fa.jpg&w=768&q=75";
  assert.equal(imageAccess(at(good), {}), "ok");
  for (const url of [
    "/_next/image?url=%2Fimages%2F2020%2Fa.jpg%231&w=768&q=75",
    "/_next/image?url=%2Fimages%2F2020%2Fa.jpg%3F&w=768&q=75",
    "/_next/image?url=%2Fimages%2F2020%2Fa.jpg&w=0768&q=75",
    "/_next/image?url=%2Fimages%2F2020%2Fa.jpg&w=768&q=075",
    "/_next/image?url=%2Fimages%2F2020%2Fa.jpg&w=769&q=75",
    "/_next/image?url=%2Fimages%2F2020%2Fa.jpg&w=768&q=80",
    "/_next/image?url=%2Fimages%2F2020%2Fa.jpg&w=768&q=75&x=1",
    "/_next/image?url=%2Fimages%2F2020%2Fa.jpg&w=768&w=480&q=75",
    "/_next/image?url=https%3A%2F%2Fevil.example%2Fa.jpg&w=768&q=75",
    "/_next/image?url=%2Flogo.png&w=768&q=75",
    "/_next/image",
  ]) {
    assert.equal(imageAccess(at(url), {}), "bad", url);
  }
  assert.equal(imageAccess(at("/democracia-y-politica"), {}), undefined);
});

test("an image is served only while it has a public use: never a draft's, a scheduled one's only from its time", () => {
  const uses: Record<string, number> = { "/images/publica.jpg": -Infinity, "/images/programada.jpg": 2_000 };
  const options = { imageFrom: (path: string) => uses[path], publishedThrough: () => 1_000 };
  assert.equal(imageAccess(at("/images/publica.jpg"), options), "ok");
  assert.equal(imageAccess(at("/images/programada.jpg"), options), "hidden");
  assert.equal(imageAccess(at("/images/borrador.jpg"), options), "hidden");
  assert.equal(imageAccess(at("/_next/image?url=%2Fimages%2Fprogramada.jpg&w=480&q=75"), options), "hidden");
  assert.equal(imageAccess(at("/_next/image?url=%2Fimages%2Fpublica.jpg&w=64&q=75"), options), "ok");
  assert.equal(imageAccess(at("/images/programada.jpg"), { ...options, publishedThrough: () => 2_000 }), "ok");
  // An editor previewing the scheduled article sees its image; a preview of another does not.
  const previewed = (cookie: string | undefined) =>
    cookie === "programado" ? { path: "/a/b/programado", image: "/images/programada.jpg" } : undefined;
  assert.equal(imageAccess(at("/images/programada.jpg", "programado"), { ...options, previewed }), "ok");
  assert.equal(imageAccess(at("/images/borrador.jpg", "programado"), { ...options, previewed }), "hidden");
});

test("the routes that render on demand are told apart by the app's own route files", async () => {
  // Each route of app/ as an address, a made-up value in each dynamic segment.
  const routeFiles = (await readdir("app", { recursive: true })).filter((file) => /(?:^|\/)(?:page\.tsx|route\.ts)$/.test(file));
  const addresses = routeFiles.map((file) => `/${path.dirname(file)}`.replace(/\/\[[^\]]+\]/g, "/x").replace(/^\/\.$/, "/"));
  const onDemand = addresses.filter(isOnDemandRoute).sort();
  assert.deepEqual(onDemand, ["/x/pagina/x", "/autores/x/pagina/x", "/temas/x/pagina/x", "/x/x/pagina/x", "/x/x/x"].sort());
  // Any three segments no other route takes reach the article route, whatever they say.
  for (const address of ["/autores/ana/otra", "/temas/x/y", "/buscar/a/b", "/api/preview/otra", "/api/x/y"]) {
    assert.ok(isOnDemandRoute(address), address);
  }
  for (const address of ["/x/y/feed.xml", "/recortes/a/b", "/api/preview/exit", "/_next/static/x", "/x/y/z/", "/x//z", "/a/b/c/d"]) {
    assert.ok(!isOnDemandRoute(address), address);
  }
});

test("an on-demand route's address without a page gets the 404 page, unless it previews the article there", () => {
  const pages = new Map([
    ["/politica/elecciones/nueva", { prerendered: true }],
    ["/politica/elecciones/antigua", { prerendered: false }],
  ]);
  const previewed = (cookie?: string) => (cookie === "ok" ? { path: "/politica/elecciones/borrador", image: "/images/b.jpg" } : undefined);
  const options = { pageAt: (path: string) => pages.get(path), previewed };
  const answer = (url: string, cookie?: string) => onDemandPage({ url, headers: { cookie } }, options);
  assert.equal(answer("/politica/elecciones/nueva"), "stored");
  assert.equal(answer("/politica/elecciones/antigua?utm=x"), "render");
  assert.equal(answer("/politica/elecciones/no-existe"), "none");
  assert.equal(answer("/politica/pagina/999"), "none");
  assert.equal(answer("/politica/elecciones/borrador"), "none");
  assert.equal(answer("/politica/elecciones/borrador", "ok"), undefined);
  assert.equal(answer("/politica/elecciones"), undefined);
  assert.equal(onDemandPage({ url: "/politica/elecciones/no-existe", headers: {} }, {}), undefined);
});
