/**
 * `npm run cluster -- [--servers N] [--port P]`: the production setup on one machine, to try it:
 * N servers of the checkout's build (scripts/serve.ts, on ports 3001, 3002, …) behind the shipped
 * nginx configuration (deploy/nginx/gaceta.conf) on port P, which balances them, keeps one shared
 * cache for all of them, and retries another server when one fails. Build first (`npm run build`);
 * Ctrl-C stops everything. nginx's files live in `.cluster/`.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { failUsage, readCommandLine, wholeNumber } from "./command-line";
import { startNext, startRecommendedProxy, type Server } from "./servers";

const HELP = `usage: npm run cluster -- [--servers N] [--port P]

Starts N servers of the build in this directory behind the shipped nginx on port P, one shared
cache for all; Ctrl-C stops them. Build first with npm run build.

  --servers N  how many servers (default 2)
  --port P     nginx's port (default 8080)`;

const FIRST_SERVER_PORT = 3001;

const { values: flags } = readCommandLine({ help: HELP, options: { servers: { type: "string" }, port: { type: "string" } } });
const count = wholeNumber(flags.servers, 2, "servers", HELP);
const port = wholeNumber(flags.port, 8080, "port", HELP);
if (!existsSync(path.join(".next", "BUILD_ID"))) failUsage("there is no build here: run npm run build first", HELP);

const dir = path.resolve(".cluster");
await rm(dir, { recursive: true, force: true });
const running: Server[] = [];
const ports = Array.from({ length: count }, (_, index) => FIRST_SERVER_PORT + index);
for (const serverPort of ports) running.push(await startNext(serverPort, process.env));
running.push(await startRecommendedProxy(path.join(dir, "nginx"), { upstreamPorts: ports, port }));
console.log(`✓ ${count} servers (ports ${ports.join(", ")}) behind nginx: http://127.0.0.1:${port}/ (Ctrl-C stops them)`);

let stopping = false;
const stop = async () => {
  // A second Ctrl-C, or the signal reaching this process twice, must not cut the stop short:
  // the servers run in process groups of their own and would outlive it.
  if (stopping) return;
  stopping = true;
  await Promise.all(running.map((server) => server.stop()));
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
