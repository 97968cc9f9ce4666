/**
 * `npm run dev`: compiles the content, starts `next dev`, and recompiles the content whenever a
 * module under the content directory is saved. A reload then shows the change; problems are
 * printed as file: field: reason while the last good content stays on screen.
 */
import { spawn, spawnSync } from "node:child_process";
import { watch } from "node:fs";
import { contentDir } from "../lib/content/paths";

const compile = () => spawnSync("node_modules/.bin/tsx", ["scripts/check-content.ts", "--write"], { stdio: "inherit" }).status === 0;

compile();
const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", ...process.argv.slice(2)], { stdio: "inherit" });

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
