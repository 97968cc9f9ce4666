import assert from "node:assert/strict";
import { test } from "node:test";
import { checkBuiltFor, readPrerenderLimits, readSiteUrl } from "./site";

test("SITE_URL defaults to localhost:3000 and is reduced to its origin", () => {
  assert.equal(readSiteUrl(undefined).href, "http://localhost:3000/");
  assert.equal(readSiteUrl("https://gaceta.example").href, "https://gaceta.example/");
  assert.equal(readSiteUrl(" https://gaceta.example/ ").href, "https://gaceta.example/");
});

test("SITE_URL must be an http(s) origin", () => {
  assert.throws(() => readSiteUrl("gaceta.example"), /not an absolute URL/);
  assert.throws(() => readSiteUrl("ftp://gaceta.example"), /must use http or https/);
  assert.throws(() => readSiteUrl("https://gaceta.example/noticias"), /origin only/);
  assert.throws(() => readSiteUrl("https://user:pass@gaceta.example"), /origin only/);
});

test("the build prerenders the newest 1,000 articles and 5 pages of each list unless told otherwise", () => {
  assert.deepEqual(readPrerenderLimits({}), { articles: 1000, listPages: 5 });
  assert.deepEqual(readPrerenderLimits({ PRERENDER_ARTICLES: " 20 ", PRERENDER_LIST_PAGES: "0" }), { articles: 20, listPages: 0 });
  assert.throws(() => readPrerenderLimits({ PRERENDER_ARTICLES: "-1" }), /PRERENDER_ARTICLES "-1" is not a whole number/);
  assert.throws(() => readPrerenderLimits({ PRERENDER_LIST_PAGES: "2.5" }), /PRERENDER_LIST_PAGES "2.5" is not a whole number/);
});

test("a server refuses a build made for another SITE_URL, and says which to use", () => {
  assert.doesNotThrow(() => checkBuiltFor("https://gaceta.example", "https://gaceta.example"));
  assert.throws(
    () => checkBuiltFor("https://gaceta.example", "http://localhost:3000"),
    /SITE_URL is http:\/\/localhost:3000, but the site was built for https:\/\/gaceta\.example.*SITE_URL=https:\/\/gaceta\.example/,
  );
});
