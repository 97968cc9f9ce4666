/** A query as the search reads it, from what a reader typed. */

/** Longer than any headline a reader would type; what is beyond it is ignored. */
export const MAX_QUERY_LENGTH = 100;

/**
 * The query as typed, on one line without control characters and cut to MAX_QUERY_LENGTH
 * characters (never inside one); the first one if it came twice.
 */
export function normalizeQuery(value: string | string[] | undefined): string {
  const query = (Array.isArray(value) ? value[0] : value) ?? "";
  const line = query.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
  return Array.from(line).slice(0, MAX_QUERY_LENGTH).join("").trim();
}
