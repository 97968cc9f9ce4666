import { site } from "./site";

/** Page numbers in URLs are plain positive integers: "2", never "02", "-1", "1e3" or "2.0". */
const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/;

export function parsePageNumber(value: string): number | null {
  return PAGE_NUMBER.test(value) ? Number(value) : null;
}

export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
}

export const pageCount = (total: number, size = site.pageSize) => Math.max(1, Math.ceil(total / size));

/** Where page `page` of a list of `total` lies in it, or null when outside. Page 1 exists even for an empty list. */
export function pageRange(total: number, page: number, size = site.pageSize): { start: number; end: number; totalPages: number } | null {
  const totalPages = pageCount(total, size);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  return { start: (page - 1) * size, end: Math.min(total, page * size), totalPages };
}

/** One page of a list, or null when the page lies outside it. */
export function paginate<T>(items: T[], page: number, size = site.pageSize): Page<T> | null {
  const range = pageRange(items.length, page, size);
  return range && { items: items.slice(range.start, range.end), page, totalPages: range.totalPages };
}

/** Page numbers after the first, for generateStaticParams. */
export const laterPages = (total: number, size = site.pageSize) =>
  Array.from({ length: pageCount(total, size) - 1 }, (_, index) => index + 2);

/**
 * When a list's page `page` gets its first item, given when each item appears, newest first: the
 * list reaches that page with its ((page − 1) × size + 1)-th oldest item.
 */
export function pageOpensAt(timesNewestFirst: readonly number[], page: number, size: number = site.pageSize): number | undefined {
  const index = timesNewestFirst.length - 1 - (page - 1) * size;
  return index >= 0 ? timesNewestFirst[index] : undefined;
}
