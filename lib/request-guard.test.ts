import assert from "node:assert/strict";
import { test } from "node:test";
import {
  canonicalUrl,
  dropForgedPreviewCookies,
  isEarlyForScheduled, isFrameworkRoute, movedLocation, rejectRequest, withdrawalOf, withdrawnPage } from "./request-guard";

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
  for (const url of ["/_global-error", "/_global-error/", "/%5Fglobal-error?x=1", "/_not-found", "/index", "/%69ndex", "/index/x", "/_next", "/_nextx/a"]) {
    assert.equal(isFrameworkRoute(url), true, url);
  }
  for (const url of ["/", "/?index", "/indice", "/indexado/a/b", "/_next/static/chunks/a.js", "/_next/image?url=%2Fimages%2Fa.jpg&w=480&q=75", "/a/_b", "/autores/index", "/%zz"]) {
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
  const previewedPath = (cookie: string | undefined) => (cookie?.includes("token-programado") ? "/a/b/programado" : cookie?.includes("token-otro") ? "/a/b/otro" : undefined);
  const early = (cookie: string) => isEarlyForScheduled(request("/a/b/programado", cookie), { scheduledAt, previewedPath, publishedThrough: () => 1_000 });
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
  const previewedPath = (cookie: string | undefined) => (cookie?.includes("gaceta_preview=valido") ? "/a/b/c" : undefined);
  const after = (cookie: string) => {
    const request = { headers: { cookie } as { cookie?: string } };
    dropForgedPreviewCookies(request, { previewedPath });
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
