import type { MetadataRoute } from "next";
import { absoluteUrl, newsSitemapPath, sitemapPath } from "@/lib/urls";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/"] },
    sitemap: [absoluteUrl(sitemapPath()), absoluteUrl(newsSitemapPath())],
  };
}
