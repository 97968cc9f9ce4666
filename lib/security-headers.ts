/**
 * Response headers for every route, set once in next.config.ts.
 *
 * Content-Security-Policy: pages carry no inline script (lib/page-output.ts takes out what Next.js
 * adds; JSON-LD is data, which no policy blocks), so scripts come from 'self' alone, never inline
 * or eval: an injected script does not run. Everything else is as tight as the site allows: no
 * plugins, no framing, no <base> hijack, forms only to this origin, nothing from other origins.
 *
 * Header values avoid ":" (no "data:" source): Next.js treats a colon as a route parameter and
 * compiles such values on every request, which cost a measurable share of throughput.
 */

export interface Header {
  key: string;
  value: string;
}

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export function contentSecurityPolicy(https: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(siteUrl: URL): Header[] {
  const https = siteUrl.protocol === "https:";
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(https) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    // Only over HTTPS: on plain http a browser ignores it, and on localhost it would pin the port.
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

/**
 * Pages are prerendered once (see lib/publication-schedule.ts), so Next.js would tell caches to
 * keep them for a year. Shared caches may keep them 30 s and then serve them stale while they
 * fetch the new copy, so a newly published article reaches every list within a minute.
 */
export const PUBLIC_PAGE_CACHING: Header = {
  key: "Cache-Control",
  value: "public, max-age=0, s-maxage=30, stale-while-revalidate=86400",
};

/** Whatever no shared cache may keep. */
export const NOT_STORED: Header = { key: "Cache-Control", value: "private, no-store" };

/** Responses to requests in draft mode: never indexed, never stored by a shared cache. */
export const DRAFT_MODE_HEADERS: Header[] = [{ key: "X-Robots-Tag", value: "noindex, nofollow" }, NOT_STORED];
