import type { Article } from "@/lib/content/store";
import { absoluteUrl, articlePath } from "./urls";

export interface ShareLink {
  /** What the link says: the network, or "Correo". */
  label: string;
  href: string;
}

/**
 * Where a reader can share an article: plain links to each network's own share page, so the
 * article page loads nothing from them and tells them nothing until the reader chooses to share.
 * WhatsApp first: it is where Spanish-speaking readers share news most. The address alone: each
 * network shows the headline from the page's own metadata, and every page carries these links
 * twice (HTML and RSC payload), so an encoded headline in each would weigh on every request.
 */
export function shareLinks(article: Pick<Article, "section" | "slug" | "headline">): ShareLink[] {
  const url = absoluteUrl(articlePath(article));
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return [
    { label: "WhatsApp", href: `https://wa.me/?${query({ text: url })}` },
    { label: "Telegram", href: `https://t.me/share/url?${query({ url })}` },
    { label: "X", href: `https://x.com/intent/post?${query({ url })}` },
    { label: "Bluesky", href: `https://bsky.app/intent/compose?${query({ text: url })}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?${query({ u: url })}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}` },
    // A mail has no page metadata to show, so its subject is the headline. mailto: wants %20 for
    // spaces; URLSearchParams would write "+", which mail clients keep.
    { label: "Correo", href: `mailto:?subject=${encodeURIComponent(article.headline)}&body=${encodeURIComponent(url)}` },
  ];
}
