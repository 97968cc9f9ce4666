import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { compileContent, formatProblem } from "../lib/content/compile";
import { forEachAtMost, writeFixtureTree } from "./fixtures";

test("generated fixtures are a valid content tree with drafts and varied articles", async () => {
  const out = await mkdtemp(path.join(tmpdir(), "gaceta-fixtures-"));
  try {
    const now = Date.now();
    await writeFixtureTree({ out, articles: 300, seed: 3, now });
    const { bundle, problems } = await compileContent(out, { publicDir: path.resolve("public") });
    assert.deepEqual(problems.map(formatProblem), []);
    assert.equal(bundle!.articles.length, 300);
    const drafts = bundle!.articles.filter((article) => article.status === "draft").length;
    assert.ok(drafts > 0, "some drafts");
    assert.ok(new Set(bundle!.articles.map((article) => article.section)).size > 10, "varied sections");
    assert.ok(new Set(bundle!.articles.map((article) => article.authors[0])).size > 3, "varied authors");
    assert.ok(new Set(bundle!.articles.flatMap((article) => article.topics ?? [])).size > 5, "varied topics");
    assert.ok(new Set(bundle!.articles.map((article) => article.language)).size > 1, "varied languages");
    const words = bundle!.articles.map((article) => article.wordCount);
    assert.ok(Math.max(...words) > 5 * Math.min(...words), "varied lengths");
    assert.ok(
      bundle!.articles.some((article) => Date.parse(article.publishedAt) > now - 48 * 3600_000),
      "recent news",
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test("fixtures are written a bounded number at a time, however many there are", async () => {
  let open = 0;
  let most = 0;
  const done: number[] = [];
  await forEachAtMost(
    Array.from({ length: 1000 }, (_, index) => index),
    64,
    async (index) => {
      most = Math.max(most, ++open);
      await new Promise((resolve) => setImmediate(resolve));
      open--;
      done.push(index);
    },
  );
  assert.equal(most, 64);
  assert.equal(done.length, 1000);
  assert.deepEqual(
    [...done].sort((a, b) => a - b),
    Array.from({ length: 1000 }, (_, index) => index),
  );
  await forEachAtMost([], 64, async () => assert.fail("no work for no items"));
});
