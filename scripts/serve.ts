/**
 * `npm run serve` (and `npm start`, after the build): the site's production server, and the one
 * place where anything runs before Next.js. It uses Next.js's documented custom-server API:
 *
 *   1. reads the .env files the way `next start` does, and refuses to serve a build made for
 *      another SITE_URL (lib/site.ts, checkBuiltFor), whose stored pages name another address;
 *   2. has Next.js store pages regenerated at run time as readers get them (lib/page-output.ts);
 *   3. starts the publication scheduler (lib/publication-schedule.ts), which revalidates a
 *      scheduled article's pages at its time;
 *   4. meets every request with the request guard (lib/request-guard.ts), which answers what it
 *      must itself and readies the rest, then hands that to Next.js; every answer goes out whole,
 *      in one write (lib/whole-answer.ts), so that a server that dies breaks no answer half-sent;
 *   5. once listening, asks itself for one search, so that Next.js's server loads the content
 *      store and the search index then, not on a reader's first request (at 100,000 articles,
 *      seconds). `--no-warming` leaves it out: the benchmark's server that has never rendered a
 *      page on request, which on Node 20 serves faster than any that has (docs/performance.md).
 *
 * It listens on 127.0.0.1:3000 unless told otherwise: behind nginx on the same machine, loopback
 * is all it needs. SIGTERM and SIGINT stop it taking connections, let requests in flight finish,
 * then end it.
 *
 * `npm run serve` gives it a young generation of 2 × 32 MB (`--max-semi-space-size=32`, Node's
 * default is 16): each scavenge copies what the requests in flight hold, so half as many of them
 * serve some 14% more pages a second for some 45 MB more memory (docs/performance.md). The tests and
 * the benchmark start it with the same flags (scripts/servers.ts reads them from package.json).
 */
import http from "node:http";
import { pathToFileURL } from "node:url";
import nextEnv from "@next/env";
import { WholeResponse } from "../lib/whole-answer";
import { parseCommandLine } from "./command-line";

const USAGE = `usage: npm run serve -- [--port N] [--hostname ADDRESS] [--no-warming]

  --port, -p      the port to listen on (default: $PORT, else 3000)
  --hostname, -H  the address to listen on (default: $HOST, else 127.0.0.1)
  --no-warming    no search once listening: the first reader's search loads the index
  --help          this text`;

interface ServeOptions {
  port: number;
  hostname: string;
  /** Whether the server asks itself for a search once listening. */
  warming: boolean;
}

/** How to serve, from the command line and the environment; unknown flags are refused. */
export function serveOptions(args: string[], env: Record<string, string | undefined> = process.env): ServeOptions | "help" {
  const { values, askedForHelp } = parseCommandLine({
    help: USAGE,
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" }, "no-warming": { type: "boolean" } },
    args,
  });
  if (askedForHelp) return "help";
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`not a port: ${values.port ?? env.PORT}`);
  return { port, hostname: values.hostname ?? (env.HOST?.trim() || "127.0.0.1"), warming: values["no-warming"] !== true };
}

/** The address this process reaches itself at: a wildcard address is no address to connect to. */
const selfOrigin = (hostname: string, port: number) =>
  `http://${hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;

const STOP_GRACE_MS = 10_000;
/** Any word: the search it starts loads what every search needs. */
const WARMING_QUERY = "gaceta";

async function serve({ port, hostname, warming }: ServeOptions) {
  const dir = process.cwd();
  // tsx, which runs this file, turns on source maps for stack traces; with them on, every Error
  // Next.js creates while serving a page costs a source-map lookup, a measurable share of each
  // request (docs/performance.md). Traces still name the functions, in tsx's compiled code.
  process.setSourceMapsEnabled(false);
  // React and Next.js choose their production builds when first loaded.
  (process.env as Record<string, string>).NODE_ENV = "production";
  nextEnv.loadEnvConfig(dir, false);
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Loaded once Next.js has readied its server: they load parts of Next.js that need it ready.
  const [
    { installPageOutputCache },
    { startPublicationScheduler },
    { createRequestGuard },
    { siteGuardOptions },
    store,
    { searchPath },
    { checkBuiltFor },
  ] = await Promise.all([
    import("../lib/page-output"),
    import("../lib/publication-schedule"),
    import("../lib/request-guard"),
    import("../lib/site-guard"),
    import("../lib/content/store"),
    import("../lib/urls"),
    import("../lib/site"),
  ]);
  try {
    checkBuiltFor(store.builtForSiteUrl());
  } catch (error) {
    console.error(`✗ ${(error as Error).message}`);
    process.exit(2);
  }
  installPageOutputCache();
  const publication = startPublicationScheduler({
    times: store.publicationTimes(),
    builtAt: store.compiledAt(),
    origin: selfOrigin(hostname, port),
  });
  const guardRequest = createRequestGuard(siteGuardOptions(publication.publishedThrough));
  const server = http.createServer({ ServerResponse: WholeResponse }, (request, response) => {
    if (guardRequest(request, response)) return;
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  server.listen(port, hostname, () => {
    console.log(`Gaceta on ${selfOrigin(hostname, port)}`);
    if (!warming) return;
    fetch(`${selfOrigin(hostname, port)}${searchPath(WARMING_QUERY)}`)
      .then((response) => response.arrayBuffer())
      .catch((error: unknown) => console.error("warming the search failed:", error));
  });
  const stop = () => {
    publication.stop();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  let options: ReturnType<typeof serveOptions>;
  try {
    options = serveOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`✗ ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") console.log(USAGE);
  else await serve(options);
}
