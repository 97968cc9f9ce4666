import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

/** The address a script's `next start` listens on, as the shell npm runs it with expands it. */
function listensOn(script: string, host?: string): string | undefined {
  const { HOST: _unset, ...env } = process.env;
  const words = execFileSync("sh", ["-c", `printf '%s\\n' ${script}`], { env: host ? { ...env, HOST: host } : env, encoding: "utf8" })
    .trim()
    .split("\n");
  const flag = words.indexOf("-H");
  return flag === -1 ? undefined : words[flag + 1];
}

test("npm run serve, the production server behind nginx, listens on loopback unless HOST says otherwise", () => {
  assert.equal(listensOn(scripts.serve!), "127.0.0.1");
  assert.equal(listensOn(scripts.serve!, "10.0.0.5"), "10.0.0.5");
});
