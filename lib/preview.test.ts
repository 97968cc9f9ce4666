import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  previewQuery,
  previewedSlugIn,
  readPreviewSecret,
  signPreview,
  verifyPreview,
  verifyPreviewQuery,
  withoutPreviewCookies,
} from "./preview";

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
    assert.deepEqual(verifyPreview({ slug: grant.slug, expires: String(grant.expires), signature: flipped }, SECRET, NOW), {
      ok: false,
      reason: "signature",
    });
    assert.deepEqual(verifyPreview({ slug: grant.slug, expires: String(grant.expires + 60), signature }, SECRET, NOW), {
      ok: false,
      reason: "signature",
    });
    assert.deepEqual(verifyPreview({ slug: grant.slug, expires: String(grant.expires), signature }, `${SECRET}x`, NOW), {
      ok: false,
      reason: "signature",
    });
  });

  test("a link signed for one article does not open another", () => {
    const signature = signPreview({ slug: "un-borrador", expires: inHours(1) }, SECRET);
    assert.deepEqual(verifyPreview({ slug: "otro-articulo", expires: String(inHours(1)), signature }, SECRET, NOW), {
      ok: false,
      reason: "signature",
    });
  });

  test("malformed or ambiguous links are refused before any signature is computed", () => {
    const good = {
      slug: "un-borrador",
      expires: String(inHours(1)),
      signature: signPreview({ slug: "un-borrador", expires: inHours(1) }, SECRET),
    };
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

test("a request previews only with a valid, unexpired token beside the draft-mode cookie", () => {
  const secret = "s".repeat(40);
  const now = Date.parse("2026-06-01T00:00:00Z");
  const token = encodeURIComponent(previewQuery({ slug: "embargada", expires: now / 1000 + 3600 }, secret));
  assert.equal(previewedSlugIn(`__prerender_bypass=x; gaceta_preview=${token}`, secret, now), "embargada");
  assert.equal(previewedSlugIn(`__prerender_bypass=x`, secret, now), undefined);
  assert.equal(previewedSlugIn(`gaceta_preview=${token}`, secret, now), undefined);
  assert.equal(previewedSlugIn(`__prerender_bypass=x; gaceta_preview=${token}`, "o".repeat(40), now), undefined);
  assert.equal(previewedSlugIn(`__prerender_bypass=x; gaceta_preview=${token}`, secret, now + 2 * 3600_000), undefined);
  assert.equal(previewedSlugIn(`__prerender_bypass=x; gaceta_preview=%E0%A4%A`, secret, now), undefined);
  assert.equal(withoutPreviewCookies("a=1; __prerender_bypass=x; gaceta_preview=y; b=2"), "a=1; b=2");
  assert.equal(withoutPreviewCookies("__prerender_bypass=x"), undefined);
});
