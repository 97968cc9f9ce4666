/**
 * Plain text made safe to stand as HTML: in a page built by hand, and where a format carries HTML
 * (an RSS item's title and description, which feed readers render as markup).
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
