import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // As the site does: without it the floor would hash every page it serves for an ETag.
  generateEtags: false,
  // The benchmark builds a copy outside the repository (inside it, Turbopack compiled the site's
  // instrumentation.ts into this app) whose node_modules links back to the repository's.
  ...(process.env.BARE_APP_WORKSPACE_ROOT ? { turbopack: { root: process.env.BARE_APP_WORKSPACE_ROOT } } : {}),
};

export default nextConfig;
