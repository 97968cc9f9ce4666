import assert from "node:assert/strict";
import { test } from "node:test";
import { readingMinutes } from "./reading-time";

test("reading time is whole minutes at 218 words a minute, never less than one", () => {
  assert.equal(readingMinutes(0), 1);
  assert.equal(readingMinutes(40), 1);
  assert.equal(readingMinutes(327), 2, "1.5 minutes round up");
  assert.equal(readingMinutes(872), 4);
  assert.equal(readingMinutes(10_000), 46);
});
