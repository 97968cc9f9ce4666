import assert from "node:assert/strict";
import { test } from "node:test";
import { readSiteUrl } from "./site";

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
