/**
 * The only images the site's optimizer makes: these widths, this quality, in WebP or the original
 * format. next.config.ts configures the optimizer with them, and the request guard refuses any
 * other request to it, so nobody can make the server resize, encode and store variants in a loop.
 */
/** For screens: every one is a URL in each lead image's srcset. */
export const DEVICE_WIDTHS = [480, 768, 1200];
/** For smaller images (author photos). */
export const IMAGE_WIDTHS = [64, 128, 256];
export const IMAGE_QUALITY = 75;
export const OPTIMIZER_PATH = "/_next/image";

const WIDTHS = new Set([...DEVICE_WIDTHS, ...IMAGE_WIDTHS].map(String));

/**
 * The image an optimizer request asks for, if the request is one the site itself makes: exactly
 * `url`, `w` and `q`, once each, a configured width and the quality written as the site writes
 * them (no "0768", no "075"), and a plain path under /images/ (no query, no fragment). Else null.
 */
export function canonicalOptimizerImage(query: string): string | null {
  const params = new URLSearchParams(query);
  const keys = [...params.keys()];
  if (keys.length !== 3 || new Set(keys).size !== 3) return null;
  const url = params.get("url");
  const width = params.get("w");
  const quality = params.get("q");
  if (!url || !width || !quality || !WIDTHS.has(width) || quality !== String(IMAGE_QUALITY)) return null;
  return /^\/images\/[A-Za-z0-9/_.-]+$/.test(url) ? url : null;
}
