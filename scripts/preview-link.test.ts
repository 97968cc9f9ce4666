import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const SLUG = "canada-takes-global-role-in-countering-electoral-interference-in-cyberspace";

/** The command as an editor runs it, on the site's own content. */
const previewLink = (...args: string[]) =>
  spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/preview-link.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, PREVIEW_SECRET: "s".repeat(40), SITE_URL: "https://gaceta.example", CONTENT_DIR: "" },
  });

test("npm run preview-link -- <slug> prints a link valid for the default hours, as the editors' guide says", () => {
  const result = previewLink(SLUG);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout.trim(), new RegExp(`^https://gaceta\\.example/api/preview\\?slug=${SLUG}&expires=\\d+&signature=[\\w-]{43}$`));
  const expires = Number(new URL(result.stdout.trim()).searchParams.get("expires"));
  assert.ok(Math.abs(expires - (Date.now() / 1000 + 24 * 3600)) < 120);
});

test("--hours sets the validity; --help explains; unknown flags and a missing slug are refused", () => {
  const hours = previewLink(SLUG, "--hours", "2");
  assert.equal(hours.status, 0, hours.stderr);
  const expires = Number(new URL(hours.stdout.trim()).searchParams.get("expires"));
  assert.ok(Math.abs(expires - (Date.now() / 1000 + 2 * 3600)) < 120);
  const help = previewLink("--help");
  assert.equal(help.status, 0);
  assert.match(help.stdout, /usage: npm run preview-link -- <slug> \[--hours N\]/);
  for (const args of [[SLUG, "--hoursx", "2"], [], [SLUG, "otro"], [SLUG, "--hours", "0"]]) {
    const refused = previewLink(...args);
    assert.equal(refused.status, 1, args.join(" "));
    assert.match(refused.stderr, /✗/);
  }
});
