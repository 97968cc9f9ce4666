import assert from "node:assert/strict";
import { test } from "node:test";
import { laterPages, pageOpensAt, paginate, parsePageNumber } from "./pagination";

test("page numbers are plain positive integers", () => {
  assert.equal(parsePageNumber("2"), 2);
  assert.equal(parsePageNumber("999999"), 999999);
  for (const bad of ["0", "-1", "02", "1e3", "2.0", "abc", "", " 2", "9999999", "0x2"]) assert.equal(parsePageNumber(bad), null, bad);
});

test("pages slice the list, and pages outside it do not exist", () => {
  const items = Array.from({ length: 45 }, (_, index) => index);
  assert.deepEqual(paginate(items, 1, 20), { items: items.slice(0, 20), page: 1, totalPages: 3 });
  assert.deepEqual(paginate(items, 3, 20)?.items, [40, 41, 42, 43, 44]);
  assert.equal(paginate(items, 4, 20), null);
  assert.equal(paginate(items, 0, 20), null);
  assert.deepEqual(paginate([], 1, 20), { items: [], page: 1, totalPages: 1 });
  assert.deepEqual(laterPages(45, 20), [2, 3]);
  assert.deepEqual(laterPages(20, 20), []);
});

test("a page opens when the list's oldest item that lands on it appears", () => {
  // Five items appearing at 50, 40, …, 10, pages of two: page 1 holds 50 and 40 once all are out.
  const times = [50, 40, 30, 20, 10];
  assert.equal(pageOpensAt(times, 1, 2), 10);
  assert.equal(pageOpensAt(times, 2, 2), 30);
  assert.equal(pageOpensAt(times, 3, 2), 50);
  assert.equal(pageOpensAt(times, 4, 2), undefined);
  assert.equal(pageOpensAt([], 1, 2), undefined);
});
