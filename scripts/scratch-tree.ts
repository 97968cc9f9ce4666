/**
 * A copy of the project's source in another folder, sharing the checkout's installed packages
 * through hard links. Builds of generated content (the benchmarks, the publication test's own
 * site) happen there, so they never overwrite the checkout's own `.next/` and `.content/`.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";

/** Build output, test output and version control: everything a build in the copy makes anew. */
const LEFT_OUT = new Set([
  "node_modules",
  ".git",
  ".next",
  ".content",
  ".e2e",
  ".fixtures",
  ".cluster",
  "bench-results",
  "test-results",
  "playwright-report",
  "next-env.d.ts",
  "tsconfig.tsbuildinfo",
]);

/** Makes `dir` a fresh copy of the project at `root`; returns `dir`. */
export async function makeScratchTree(dir: string, root = process.cwd()): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(root)) {
    if (LEFT_OUT.has(entry)) continue;
    await cp(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  // Hard links copy node_modules in a second, and keep every package inside the copy's own root,
  // where Turbopack requires it.
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  return dir;
}
