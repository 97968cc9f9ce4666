/**
 * The site the Playwright tests run against (their `webServer`): the fixture content built in a
 * scratch copy of the project and served by the site's server (scripts/serve.ts). Its scheduled article is due days
 * ahead, so no run of the suite, however slow, reaches its time: every test that checks it is
 * hidden holds. Publication itself is tested on a site of its own (scheduled-publication.spec.ts).
 */
import { spawn } from "node:child_process";
import { serverCommand } from "../scripts/servers";
import { buildFixtureSite } from "./fixture-site";
import { E2E_DIR } from "./paths";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SCHEDULED_DAYS_AHEAD = 7;

const site = await buildFixtureSite({
  dir: E2E_DIR,
  port: PORT,
  scheduledAt: Date.now() + SCHEDULED_DAYS_AHEAD * 86_400_000,
  output: "inherit",
});
// In the foreground, not detached: Playwright stops this process and its server with it.
const server = spawn(process.execPath, serverCommand(PORT, site.tree), {
  cwd: site.tree,
  env: site.env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
