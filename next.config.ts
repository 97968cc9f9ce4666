import type { NextConfig } from "next";
import { DRAFT_MODE_HEADERS, PUBLIC_PAGE_CACHING, securityHeaders } from "./lib/security-headers";
import { DEVICE_WIDTHS, IMAGE_QUALITY, IMAGE_WIDTHS } from "./lib/image-variants";
import { readSiteUrl } from "./lib/site";

const NO_REFERRER = [{ key: "Referrer-Policy", value: "no-referrer" }];

const nextConfig: NextConfig = {
  // The project is wherever it is built: a scratch copy inside the checkout (the tests'
  // and benchmarks' builds) is a project of its own, not part of the checkout around it.
  turbopack: { root: process.cwd() },
  outputFileTracingRoot: process.cwd(),
  poweredByHeader: false,
  // No copy of the page cache in each server's memory: the servers of one build on one machine
  // share .next/ on disk, and a page one regenerates after a publication must be the page every
  // other one serves, not an older copy it kept (`npm run cluster`, e2e/scheduled-publication.spec.ts).
  cacheMaxMemorySize: 0,
  // Every reader gets a page's metadata in <head>, as crawlers do: streamed later, it would need
  // scripts to move it there, and pages carry none (lib/page-output.ts).
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // Hashing every 45 KB page on every request cost a third of the throughput; shared caches
  // revalidate by time (s-maxage), not by ETag.
  generateEtags: false,
  images: {
    // WebP only: AVIF costs seconds of CPU per new image size, and its codec (libheif) was behind
    // an optimizer RCE in 2026 (GHSA-2xp9-vwfh-vxw4).
    formats: ["image/webp"],
    // Few widths: every one is a URL in each <img> srcset. The request guard refuses the rest.
    deviceSizes: DEVICE_WIDTHS,
    imageSizes: IMAGE_WIDTHS,
    qualities: [IMAGE_QUALITY],
    // Only the site's own images: no remote fetching, so the optimizer is no open proxy.
    localPatterns: [{ pathname: "/images/**", search: "" }],
    minimumCacheTTL: 60 * 60 * 24 * 30,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(readSiteUrl()) },
      // Pages, feeds and sitemaps; not the hashed assets, images or the API, which set their own,
      // nor search results, which Next.js marks private: a shared cache that keys pages by path
      // alone would answer every search with the first one's results.
      { source: "/:path((?!_next/|api/|recortes/|buscar$).*)", headers: [PUBLIC_PAGE_CACHING] },
      // Next.js's draft-mode cookie: whatever renders for it is private to the editor.
      { source: "/:path*", has: [{ type: "cookie", key: "__prerender_bypass" }], headers: DRAFT_MODE_HEADERS },
      // Preview links carry a signature in their query string: never send it on as a referrer.
      // (`/:path*` also matches /api/preview itself.)
      { source: "/api/preview/:path*", headers: NO_REFERRER },
    ];
  },
};

export default nextConfig;
