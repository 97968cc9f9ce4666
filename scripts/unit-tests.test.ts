import assert from "node:assert/strict";
import { test } from "node:test";
import { unitTestFiles } from "./unit-tests";

test("npm run test:unit finds every unit test by its name, in every folder, and only those", () => {
  const files = unitTestFiles();
  for (const expected of [
    "scripts/unit-tests.test.ts",
    "lib/urls.test.ts",
    "lib/content/store.test.ts",
    "lib/search/search.test.ts",
    "content/schema.test.ts",
  ]) {
    assert.ok(files.includes(expected), `${expected} is not run`);
  }
  assert.ok(files.every((file) => file.endsWith(".test.ts") && !file.startsWith("node_modules") && !file.startsWith(".")));
  assert.ok(!files.some((file) => file.endsWith(".spec.ts")), "Playwright's specs are not unit tests");
});
