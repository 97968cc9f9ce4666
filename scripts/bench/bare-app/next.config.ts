import type { NextConfig } from "next";

// As the site does: without it the floor would hash every page it serves for an ETag.
const nextConfig: NextConfig = { generateEtags: false };

export default nextConfig;
