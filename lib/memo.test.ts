import assert from "node:assert/strict";
import { test } from "node:test";
import { keptWhile } from "./memo";

test("a kept value is built once for each key, again when the key changes", () => {
  let builds = 0;
  const square = keptWhile((value: number) => {
    builds++;
    return value * value;
  });
  assert.equal(square("a", 3), 9);
  assert.equal(square("a", 4), 9, "the same key gives the kept value");
  assert.equal(builds, 1);
  assert.equal(square("b", 4), 16);
  assert.equal(builds, 2);
});
