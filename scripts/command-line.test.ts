import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseCommandLine, UsageError } from "./command-line";

const packageScripts = Object.values((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts);
/** Every command-line tool package.json runs. */
const tools = [
  ...new Set(packageScripts.flatMap((script) => [...script.matchAll(/scripts\/[\w/-]+\.ts/g)].map((match) => match[0]))),
].sort();

const run = (tool: string, args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", tool, ...args], {
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: "/nonexistent" },
  });

test("package.json's tools are all found", () => {
  for (const tool of [
    "scripts/bench.ts",
    "scripts/fixtures.ts",
    "scripts/preview-link.ts",
    "scripts/serve.ts",
    "scripts/check-content.ts",
  ]) {
    assert.ok(tools.includes(tool), tool);
  }
});

for (const tool of tools) {
  test(`${tool} prints its usage with --help, and refuses an unknown flag with it`, () => {
    const help = run(tool, ["--help"]);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^usage: /);
    const wrong = run(tool, ["--no-such-flag"]);
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stderr, /Unknown option '--no-such-flag'/);
    assert.match(wrong.stderr, /usage: /);
  });
}

test("a flag without its value, or a word where none is taken, is a usage mistake", () => {
  const options = { articles: { type: "string" } } as const;
  assert.throws(() => parseCommandLine({ help: "", options, args: ["--articles"] }), UsageError);
  assert.throws(() => parseCommandLine({ help: "", options, args: ["1000"] }), UsageError);
  assert.equal(parseCommandLine({ help: "", options, args: ["--articles", "1000"] }).values.articles, "1000");
});
