import path from "node:path";

/** Where e2e/server.ts writes the site under test: its content, fixtures.json and build (`site/`). */
export const E2E_DIR = path.resolve(".e2e");

/** The scratch copy of the project a fixture site in `dir` is built in (e2e/fixture-site.ts). */
export const siteTree = (dir = E2E_DIR) => path.join(dir, "site");
