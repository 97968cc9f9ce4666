import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { previewQuery, readPreviewSecret, signPreview, verifyPreview, verifyPreviewQuery } from "./preview";

const SECRET = "a-preview-secret-of-at-least-32-chars";
const NOW = Date.parse("2026-11-26T10:00:00Z");
const inHours = (hours: number) => Math.floor(NOW / 1000 + hours * 3600);

describe("preview links", () => {
  test("a signed link verifies for its slug until it expires", () => {
    const grant = { slug: "un-borrador", expires: inHours(24) };
    const signature = signPreview(grant, SECRET);
    assert.deepEqual(verifyPreview({ ...grant, expires: String(grant.expires), signature }, SECRET, NOW), { ok: true, ...grant });
    assert.deepEqual(verifyPreviewQuery(`?${previewQuery(grant, SECRET)}`, SECRET, NOW), { ok: true, ...grant });
  });

  test("an expired link is refused", () => {
    const grant = { slug: "un-borrador", expires: inHours(1) };
    const parts = { slug: grant.slug, expires: String(grant.expires), signature: signPreview(grant, SECRET) };
    assert.deepEqual(verifyPreview(parts, SECRET, NOW + 2 * 3600_000), { ok: false, reason: "expired" });
    assert.deepEqual(verifyPreview(parts, SECRET, NOW + 3600_000), { ok: false, reason: "expired" });
  });

  test("a tampered signature, expiry or secret is refused", () => {
    const grant = { slug: "un-borrador", expires: inHours(1) };
    const signature = signPreview(grant, SECRET);
    const flipped = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    assert.deepEqual(verifyPreview({ slug: grant.slug, expires: String(grant.expires), signature: flipped }, SECRET, NOW), { ok: false, reason: "signature" });
    assert.deepEqual(verifyPreview({ slug: grant.slug, expires: String(grant.expires + 60), signature }, SECRET, NOW), { ok: false, reason: "signature" });
    assert.deepEqual(verifyPreview({ slug: grant.slug, expires: String(grant.expires), signature }, `${SECRET}x`, NOW), { ok: false, reason: "signature" });
  });

  test("a link signed for one article does not open another", () => {
    const signature = signPreview({ slug: "un-borrador", expires: inHours(1) }, SECRET);
    assert.deepEqual(verifyPreview({ slug: "otro-articulo", expires: String(inHours(1)), signature }, SECRET, NOW), { ok: false, reason: "signature" });
  });

  test("malformed or ambiguous links are refused before any signature is computed", () => {
    const good = { slug: "un-borrador", expires: String(inHours(1)), signature: signPreview({ slug: "un-borrador", expires: inHours(1) }, SECRET) };
    for (const parts of [
      { ...good, slug: "../etc/passwd" },
      { ...good, slug: null },
      { ...good, expires: "-1" },
      { ...good, expires: "1e10" },
      { ...good, signature: "short" },
      { ...good, signature: `${good.signature}==` },
    ]) {
      assert.deepEqual(verifyPreview(parts, SECRET, NOW), { ok: false, reason: "malformed" });
    }
    const query = previewQuery({ slug: "un-borrador", expires: inHours(1) }, SECRET);
    assert.deepEqual(verifyPreviewQuery(`${query}&slug=otro`, SECRET, NOW), { ok: false, reason: "malformed" });
  });

  test("a link valid for longer than a week is refused", () => {
    const grant = { slug: "un-borrador", expires: inHours(24 * 30) };
    assert.deepEqual(verifyPreviewQuery(previewQuery(grant, SECRET), SECRET, NOW), { ok: false, reason: "malformed" });
  });

  test("previews stay off without a secret of at least 32 characters", () => {
    assert.equal(readPreviewSecret({}).ok, false);
    assert.match((readPreviewSecret({ PREVIEW_SECRET: "short" }) as { reason: string }).reason, /5 characters.*at least 32/);
    assert.deepEqual(readPreviewSecret({ PREVIEW_SECRET: SECRET }), { ok: true, secret: SECRET });
  });
});
