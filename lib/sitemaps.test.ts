import assert from "node:assert/strict";
import { test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { chunkEntries, escapeXml, renderChildSitemap, renderMainSitemap, type SitemapEntry } from "./sitemaps";

const entries = (count: number): SitemapEntry[] =>
  Array.from({ length: count }, (_, index) => ({
    loc: `http://localhost:3000/a/b/articulo-${index}`,
    lastmod: `2026-01-${String((index % 28) + 1).padStart(2, "0")}T10:00:00Z`,
  }));
const parse = (xml: string) => {
  assert.equal(XMLValidator.validate(xml), true);
  return new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" }).parse(xml);
};

test("one sitemap while it fits, an index of children before it would pass the URL limit", () => {
  const limits = { maxUrls: 10, maxBytes: 50 * 1024 * 1024 };
  assert.equal(parse(renderMainSitemap(entries(10), limits)).urlset.url.length, 10);
  const index = parse(renderMainSitemap(entries(25), limits)).sitemapindex.sitemap;
  assert.deepEqual(
    index.map((child: any) => child.loc),
    [1, 2, 3].map((n) => `http://localhost:3000/sitemaps/${n}.xml`),
  );
  assert.equal(index[0].lastmod, "2026-01-10T10:00:00Z");
  assert.deepEqual(
    [1, 2, 3].map((n) => parse(renderChildSitemap(entries(25), n, limits)!).urlset.url.length),
    [10, 10, 5],
  );
  assert.equal(renderChildSitemap(entries(25), 4, limits), null);
  assert.equal(renderChildSitemap(entries(10), 1, limits), null);
});

test("a sitemap is split before it would pass the byte limit", () => {
  const oneEntryBytes = 200;
  const chunks = chunkEntries(entries(100), { maxUrls: 50_000, maxBytes: 20 * oneEntryBytes });
  assert.ok(chunks.length > 1);
  for (const chunk of chunks) assert.ok(Buffer.byteLength(renderChildSitemapOf(chunk)) <= 20 * oneEntryBytes);
  assert.equal(chunks.flat().length, 100);
});

const renderChildSitemapOf = (chunk: SitemapEntry[]) => renderMainSitemap(chunk, { maxUrls: 50_000, maxBytes: Infinity });

test("a page's images are listed in Google's image extension, and count towards the byte limit", () => {
  const withImages = entries(40).map((entry, index) => ({ ...entry, images: [`http://localhost:3000/images/foto-${index}.jpg?a=1&b=2`] }));
  const document = parse(renderMainSitemap(withImages.slice(0, 2)));
  assert.deepEqual(document.urlset.url[1]["image:image"], { "image:loc": "http://localhost:3000/images/foto-1.jpg?a=1&b=2" });
  assert.match(renderMainSitemap(withImages.slice(0, 1)), /xmlns:image="http:\/\/www\.google\.com\/schemas\/sitemap-image\/1\.1"/);
  assert.match(
    renderMainSitemap(withImages.slice(0, 1)),
    /<image:loc>http:\/\/localhost:3000\/images\/foto-0\.jpg\?a=1&amp;b=2<\/image:loc>/,
  );
  const maxBytes = 20 * 200;
  const chunks = chunkEntries(withImages, { maxUrls: 50_000, maxBytes });
  for (const chunk of chunks) assert.ok(Buffer.byteLength(renderChildSitemapOf(chunk)) <= maxBytes);
  assert.equal(chunks.flat().length, 40);
});

test("the real limits are the protocol's: 50,000 URLs and 50 MB", () => {
  assert.equal(chunkEntries(entries(50_000)).length, 1);
  assert.equal(chunkEntries(entries(50_001)).length, 2);
});

test("XML special characters are escaped", () => {
  assert.equal(escapeXml(`<a href="x">&'</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
});
