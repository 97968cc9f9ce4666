import type { NextConfig } from "next";
import { DRAFT_MODE_HEADERS, securityHeaders } from "./lib/security-headers";
import { readSiteUrl } from "./lib/site";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    formats: ["image/avif", "image/webp"],
    deviceSizes: [390, 640, 768, 1080, 1536],
    imageSizes: [64, 128, 256, 384],
    qualities: [75],
    // Only the site's own images: no remote fetching, so the optimizer is no open proxy.
    localPatterns: [{ pathname: "/images/**", search: "" }],
    minimumCacheTTL: 60 * 60 * 24 * 30,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(readSiteUrl()) },
      // Next.js's draft-mode cookie: whatever renders for it is private to the editor.
      { source: "/:path*", has: [{ type: "cookie", key: "__prerender_bypass" }], headers: DRAFT_MODE_HEADERS },
      // Preview links carry a signature in their query string: never send it on as a referrer.
      { source: "/api/preview/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/api/preview", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
