/**
 * A site built from the fixture content (e2e/site-content.ts) in a scratch copy of the project and
 * served by `next start` (scripts/servers.ts, startNext, in that copy): the one every test runs
 * against (e2e/server.ts), and the publication test's own (e2e/scheduled-publication.spec.ts).
 * The checkout's own `.next/` is never touched.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { makeScratchTree } from "../scripts/scratch-tree";
import { E2E_PREVIEW_SECRET, copyFixtureImages, writeFixtureSite } from "./site-content";
import { siteTree } from "./paths";
import type { E2EFixtures } from "./support";

export interface FixtureSite {
  fixtures: E2EFixtures;
  /** The scratch copy of the project the site was built in. */
  tree: string;
  env: NodeJS.ProcessEnv;
  port: number;
}

interface BuildOptions {
  /** Holds the content, fixtures.json, the scratch tree (`site/`) and the build's log. */
  dir: string;
  port: number;
  /** The scheduled fixture's publication time (ms). */
  scheduledAt: number;
  /** Where the build's output goes: the terminal, or `dir`/build.log. */
  output: "inherit" | "log";
}

/** Runs a command in the tree; resolves when it exits 0, rejects with where its output went otherwise. */
function run(tree: string, env: NodeJS.ProcessEnv, args: string[], logFile?: string) {
  const child = spawn("npm", args, { cwd: tree, env, stdio: logFile ? ["ignore", "pipe", "pipe"] : "inherit" });
  if (logFile) {
    const log = createWriteStream(logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  return new Promise<void>((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`npm ${args.join(" ")} failed (${code})${logFile ? `; see ${logFile}` : ""}`)),
    );
  });
}

export async function buildFixtureSite({ dir, port, scheduledAt, output }: BuildOptions): Promise<FixtureSite> {
  const siteUrl = `http://127.0.0.1:${port}`;
  const fixtures = await writeFixtureSite({ dir, siteUrl, scheduledAt });
  const tree = await makeScratchTree(siteTree(dir));
  await copyFixtureImages(tree);
  const env = {
    ...process.env,
    CONTENT_DIR: path.join(dir, "content"),
    SITE_URL: siteUrl,
    PREVIEW_SECRET: E2E_PREVIEW_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // A handful prerendered, as the newest of an archive are: most pages the tests ask for render
  // on their first request, as an archive's do. Only the build is told: the servers know what it
  // prerendered from its record, as a server started without the build's settings must.
  const buildEnv = { ...env, PRERENDER_ARTICLES: "6", PRERENDER_LIST_PAGES: "1" };
  await run(tree, buildEnv, ["run", "build"], output === "log" ? path.join(dir, "build.log") : undefined);
  return { fixtures, tree, env, port };
}
