/**
 * `npm run dev`: compiles the content, starts `next dev`, and recompiles the content whenever a
 * module under the content directory is saved. A reload then shows the change; problems are
 * printed as file: field: reason while the last good content stays on screen.
 */
import { spawn, spawnSync } from "node:child_process";
import { watch } from "node:fs";
import { contentDir } from "../lib/content/paths";
import { readCommandLine } from "./command-line";

const HELP = `usage: npm run dev -- [--port N] [--hostname ADDRESS]

Compiles the content, starts next dev, and compiles again whenever a content module is saved.

  --port, -p      the port (default 3000)
  --hostname, -H  the address to listen on (default: next dev's)`;
const { values: flags } = readCommandLine({
  help: HELP,
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const nextArgs = [...(flags.port ? ["-p", flags.port] : []), ...(flags.hostname ? ["-H", flags.hostname] : [])];

const compile = () => spawnSync("node_modules/.bin/tsx", ["scripts/check-content.ts", "--write"], { stdio: "inherit" }).status === 0;

compile();
const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", ...nextArgs], { stdio: "inherit" });

let timer: NodeJS.Timeout | undefined;
const watcher = watch(contentDir(), { recursive: true }, (_event, file) => {
  if (!file || !/\.(ts|mts|js|mjs)$/.test(file) || /\.test\.ts$/.test(file)) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.log(`\n↻ ${file} changed: checking content…`);
    compile();
  }, 150);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    watcher.close();
    next.kill(signal);
  });
}
next.on("exit", (code) => process.exit(code ?? 0));
