import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serveOptions } from "./serve";
import { serveArguments, serverCommand } from "./servers";

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

test("npm start and npm run serve run the site's own server, the guard in front of Next.js", () => {
  assert.match(scripts.serve!, /scripts\/serve\.ts/);
  assert.match(scripts.start!, /npm run build && npm run serve$/);
});

test("the tests and the benchmark run the server as npm run serve does, young generation and all", () => {
  assert.deepEqual(serveArguments("."), scripts.serve!.split(" ").slice(1));
  assert.ok(serveArguments(".").includes("--max-semi-space-size=32"));
  assert.deepEqual(serverCommand(3100, "."), [...serveArguments("."), "-p", "3100", "-H", "127.0.0.1"]);
  const odd = mkdtempSync(path.join(tmpdir(), "gaceta-serve-"));
  writeFileSync(path.join(odd, "package.json"), JSON.stringify({ scripts: { serve: "tsx scripts/serve.ts" } }));
  assert.throws(() => serveArguments(odd), /"serve" is not "node \[flags\] scripts\/serve\.ts"/);
});

test("the server listens on loopback, port 3000, unless HOST, PORT or a flag says otherwise", () => {
  assert.deepEqual(serveOptions([], {}), { port: 3000, hostname: "127.0.0.1", warming: true });
  assert.deepEqual(serveOptions([], { HOST: "10.0.0.5", PORT: "8080" }), { port: 8080, hostname: "10.0.0.5", warming: true });
  assert.deepEqual(serveOptions(["-p", "3100", "-H", "0.0.0.0"], { PORT: "8080" }), { port: 3100, hostname: "0.0.0.0", warming: true });
  assert.equal(serveOptions(["--help"], {}), "help");
});

test("the server reads --no-warming, which takes no value", () => {
  assert.deepEqual(serveOptions(["--no-warming", "-p", "3100"], {}), { port: 3100, hostname: "127.0.0.1", warming: false });
  assert.throws(() => serveOptions(["--no-warming=yes"], {}), /does not take an argument/);
});

test("the server refuses unknown flags, stray words and ports that are none", () => {
  assert.throws(() => serveOptions(["--prot", "3000"], {}), /Unknown option/);
  assert.throws(() => serveOptions(["3000"], {}), /positional/);
  assert.throws(() => serveOptions(["-p", "http"], {}), /not a port/);
});
