/**
 * What `npm run new-article` leaves for the editor to fill in. A draft may keep placeholders, so
 * an unfinished draft never blocks the build; an article marked published may not.
 */
export const PLACEHOLDER = "PENDIENTE";
export const PLACEHOLDER_IMAGE = "/images/pendiente.jpg";
export const PLACEHOLDER_AUTHOR = "pendiente";

/** Dotted paths of every field that still holds a placeholder. */
export function placeholderFields(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") {
    return value.includes(PLACEHOLDER) || value === PLACEHOLDER_IMAGE || value === PLACEHOLDER_AUTHOR ? [path] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholderFields(item, [...path, index]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => placeholderFields(item, [...path, key]));
  }
  return [];
}
