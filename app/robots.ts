import type { MetadataRoute } from "next";
import { absoluteUrl, newsSitemapPath, searchPath, sitemapPath } from "@/lib/urls";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", searchPath()] },
    sitemap: [absoluteUrl(sitemapPath()), absoluteUrl(newsSitemapPath())],
  };
}
