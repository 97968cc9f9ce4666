/**
 * Private preview links: `/api/preview?slug=…&expires=…&signature=…`, where the signature is
 * HMAC-SHA256 over the slug and the expiry with PREVIEW_SECRET. Pure functions, shared by the
 * `preview-link` command, the preview route and the article page.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { URL_SAFE_SLUG } from "../content/slug";

export const MIN_SECRET_LENGTH = 32;
export const DEFAULT_PREVIEW_HOURS = 24;
/** A link that outlives a week is a leak waiting to happen; editors can always make a new one. */
export const MAX_PREVIEW_HOURS = 24 * 7;
/** Holds the verified token, so draft mode shows only the article the link was signed for. */
export const PREVIEW_COOKIE = "gaceta_preview";

export type SecretResult = { ok: true; secret: string } | { ok: false; reason: string };

export function readPreviewSecret(env: Record<string, string | undefined> = process.env): SecretResult {
  const secret = env.PREVIEW_SECRET ?? "";
  if (!secret) return { ok: false, reason: "PREVIEW_SECRET is not set, so previews are off" };
  if (secret.length < MIN_SECRET_LENGTH) {
    return {
      ok: false,
      reason: `PREVIEW_SECRET has ${secret.length} characters; previews stay off until it has at least ${MIN_SECRET_LENGTH}`,
    };
  }
  return { ok: true, secret };
}

export interface PreviewGrant {
  slug: string;
  /** Unix time, in seconds. */
  expires: number;
}

const sign = ({ slug, expires }: PreviewGrant, secret: string) => createHmac("sha256", secret).update(`${slug}\n${expires}`).digest();

export function signPreview(grant: PreviewGrant, secret: string): string {
  return sign(grant, secret).toString("base64url");
}

export type VerifyResult = ({ ok: true } & PreviewGrant) | { ok: false; reason: "malformed" | "signature" | "expired" };

const EXPIRES = /^[1-9][0-9]{0,11}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** Checks a link's parts. The signature is compared in constant time. */
export function verifyPreview(
  parts: { slug?: string | null; expires?: string | null; signature?: string | null },
  secret: string,
  now = Date.now(),
): VerifyResult {
  const { slug, expires, signature } = parts;
  if (!slug || !expires || !signature || !URL_SAFE_SLUG.test(slug) || !EXPIRES.test(expires) || !SIGNATURE.test(signature)) {
    return { ok: false, reason: "malformed" };
  }
  const grant = { slug, expires: Number(expires) };
  const expected = sign(grant, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature" };
  const secondsLeft = grant.expires - now / 1000;
  if (secondsLeft <= 0) return { ok: false, reason: "expired" };
  if (secondsLeft > MAX_PREVIEW_HOURS * 3600) return { ok: false, reason: "malformed" };
  return { ok: true, ...grant };
}

/** The query string of a preview link, also the cookie's value. */
export function previewQuery(grant: PreviewGrant, secret: string): string {
  return new URLSearchParams({ slug: grant.slug, expires: String(grant.expires), signature: signPreview(grant, secret) }).toString();
}

export function verifyPreviewQuery(query: string, secret: string, now = Date.now()): VerifyResult {
  const params = new URLSearchParams(query);
  // Repeated parameters are ambiguous: refuse them instead of picking one.
  for (const key of ["slug", "expires", "signature"]) if (params.getAll(key).length > 1) return { ok: false, reason: "malformed" };
  return verifyPreview({ slug: params.get("slug"), expires: params.get("expires"), signature: params.get("signature") }, secret, now);
}

/** Next.js's draft-mode cookie, set beside PREVIEW_COOKIE by the preview route. */
export const DRAFT_MODE_COOKIE = "__prerender_bypass";

/** A Cookie header's values by name, each decoded; a value that does not decode is left out. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const equals = pair.indexOf("=");
    if (equals === -1) continue;
    const name = pair.slice(0, equals).trim();
    try {
      if (name && !cookies.has(name)) cookies.set(name, decodeURIComponent(pair.slice(equals + 1).trim()));
    } catch {
      // not percent-encoding: no cookie the site set
    }
  }
  return cookies;
}

/**
 * The slug a request may preview: a valid, unexpired preview token in its cookies, beside Next.js's
 * draft-mode cookie. Any other cookie, or the draft-mode cookie alone, previews nothing.
 */
export function previewedSlugIn(cookieHeader: string | undefined, secret: string, now = Date.now()): string | undefined {
  const cookies = parseCookies(cookieHeader);
  const token = cookies.get(PREVIEW_COOKIE);
  if (!token || !cookies.has(DRAFT_MODE_COOKIE)) return undefined;
  const grant = verifyPreviewQuery(token, secret, now);
  return grant.ok ? grant.slug : undefined;
}

/** The Cookie header without the draft-mode and preview cookies, or undefined if nothing is left. */
export function withoutPreviewCookies(cookieHeader: string): string | undefined {
  const kept = cookieHeader
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => pair && ![DRAFT_MODE_COOKIE, PREVIEW_COOKIE].includes(pair.split("=", 1)[0]!.trim()));
  return kept.length ? kept.join("; ") : undefined;
}
