/** Slugs: the one rule for what may name an article, author or section in a URL. */

/** Lowercase ASCII words joined by single hyphens: safe in any URL without escaping. */
export const URL_SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "¿Quién ganó las elecciones?" → "quien-gano-las-elecciones", at most 80 characters, cut between words. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 81);
  return cut.slice(0, cut.lastIndexOf("-") > 40 ? cut.lastIndexOf("-") : 80).replace(/-+$/, "");
}
