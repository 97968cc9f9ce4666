import type { NextConfig } from "next";

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
};

export default nextConfig;
