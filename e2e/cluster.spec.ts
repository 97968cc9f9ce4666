import { rm } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startNext, startRecommendedProxy, stopGroup, type Proxy, type Server } from "../scripts/servers";
import { siteTree } from "./paths";
import { backToTopScriptPath, feedPath, leadImageCropPath, searchPath, sitemapPath } from "../lib/urls";
import { E2E_PREVIEW_SECRET } from "./site-content";
import { AUTHOR_PATH, SAMPLE_PATH, SECTION_PATH, SUBSECTION_PATH, fixtures } from "./support";

/**
 * Several servers of one build behind the shipped nginx (what `npm run cluster` starts): a server
 * that dies, a deploy, and every server gone must cost readers nothing nginx could have served.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 30;
const PROXY_PORT = BASE_PORT;
const DIR = path.resolve(".e2e", "cluster");

test.describe.configure({ mode: "serial", timeout: 120_000 });

const servers = new Map<number, Server>();
let proxy: Proxy;

async function startServer(port: number) {
  servers.set(
    port,
    await startNext(port, { ...process.env, SITE_URL: fixtures().siteUrl, PREVIEW_SECRET: E2E_PREVIEW_SECRET }, siteTree()),
  );
}

test.beforeAll(async () => {
  await rm(DIR, { recursive: true, force: true });
  await Promise.all([startServer(BASE_PORT + 1), startServer(BASE_PORT + 2)]);
  proxy = await startRecommendedProxy(path.join(DIR, "nginx"), { upstreamPorts: [BASE_PORT + 1, BASE_PORT + 2], port: PROXY_PORT });
});

test.afterAll(async () => {
  await proxy?.stop();
  await Promise.all([...servers.values()].map((server) => server.stop()));
});

/** The readers' addresses: every article of the fixtures and the lists, each new to the cache once per encoding. */
const addresses = () => [SAMPLE_PATH, SECTION_PATH, SUBSECTION_PATH, AUTHOR_PATH, "/", ...fixtures().filler.map((article) => article.path)];

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const NO_ANSWER_MS = 20_000;

/**
 * A GET through nginx as a browser sends it, in this encoding (a cache key of its own). As HTTP
 * lets a client do for a request that changes nothing (RFC 9112, 9.3.1), it asks once more when
 * the connection closed before any byte of an answer: a reload makes nginx's old workers close the
 * connections they hold without a request read yet, kept alive or just opened, so the request
 * never reached a server. An answer that starts and breaks, or any error status, is no retry: it
 * is a failure, reported as one, as is no answer within NO_ANSWER_MS, so that no request can
 * leave the load hanging until the test's timeout.
 */
function get(address: string, encoding: "gzip" | "identity", retried = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port: PROXY_PORT, path: address, agent, headers: { "accept-encoding": encoding } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("close", () => {
          if (!response.complete) reject(new Error(`answer ${response.statusCode} broken off`));
        });
      },
    );
    request.setTimeout(NO_ANSWER_MS, () => request.destroy(new Error(`no answer within ${NO_ANSWER_MS / 1000} s`)));
    request.on("error", (error: NodeJS.ErrnoException) => {
      // "error" on the request, not the response: no byte of an answer had come.
      if (error.code === "ECONNRESET" && (request.reusedSocket || !retried))
        get(address, encoding, !request.reusedSocket).then(resolve, reject);
      else reject(error);
    });
  });
}

/**
 * Requests every address, eight at a time, over and over until `during` has run: the statuses got,
 * and for a request that got none, why, and for which address.
 */
async function underLoad(encoding: "gzip" | "identity", during: (sent: () => number) => Promise<void>) {
  const statuses: (number | string)[] = [];
  const list = addresses();
  let next = 0;
  let done = false;
  const worker = async () => {
    while (!done) {
      const address = list[next++ % list.length]!;
      statuses.push(await get(address, encoding).catch((error: NodeJS.ErrnoException) => `${error.code ?? error.message} on ${address}`));
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  await during(() => statuses.length);
  done = true;
  await Promise.all(workers);
  return statuses;
}

const waitUntil = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

const failures = (statuses: (number | string)[]) => statuses.filter((status) => status !== 200);

/** The headers a server answers `address` with, asked directly, in this encoding. */
function answerHeaders(port: number, address: string, encoding: "gzip" | "identity"): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: address, headers: { "accept-encoding": encoding } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.headers));
      })
      .on("error", reject);
  });
}

test("every answer leaves a server whole, with its length: one that dies mid-answer breaks none", async () => {
  // nginx can ask another server for an answer not begun, never finish a broken one; an answer
  // sent in pieces (chunked, as Next.js gzips) can break between them (lib/whole-answer.ts).
  const others = [
    searchPath("elecciones"),
    "/no-existe-esta-pagina",
    fixtures().withdrawn.path,
    feedPath(),
    sitemapPath(),
    backToTopScriptPath(),
    leadImageCropPath({ slug: SAMPLE_PATH.split("/").pop()! }, "og"),
  ];
  for (const address of [...addresses(), ...others])
    for (const encoding of ["gzip", "identity"] as const) {
      const headers = await answerHeaders(BASE_PORT + 1, address, encoding);
      expect(headers["transfer-encoding"], `${encoding} ${address}`).toBeUndefined();
      expect(Number(headers["content-length"]), `${encoding} ${address}`).toBeGreaterThan(0);
    }
});

test("a rolling deploy (new servers started, nginx reloaded, old ones drained with SIGTERM) fails no reader", async () => {
  const statuses = await underLoad("identity", async (sent) => {
    await waitUntil(() => sent() >= 10);
    await Promise.all([startServer(BASE_PORT + 3), startServer(BASE_PORT + 4)]);
    await proxy.reload([BASE_PORT + 3, BASE_PORT + 4]);
    await Promise.all([BASE_PORT + 1, BASE_PORT + 2].map((port) => servers.get(port)!.stop()));
    servers.delete(BASE_PORT + 1);
    servers.delete(BASE_PORT + 2);
  });
  expect(statuses.length).toBeGreaterThan(addresses().length);
  expect(failures(statuses)).toEqual([]);
});

test("a server killed with SIGKILL under load fails no reader: nginx asks another", async () => {
  const killed = servers.get(BASE_PORT + 3)!;
  const statuses = await underLoad("gzip", async (sent) => {
    await waitUntil(() => sent() >= 5);
    await stopGroup(killed.process, "SIGKILL");
    await waitUntil(() => sent() >= addresses().length + 5);
  });
  servers.delete(BASE_PORT + 3);
  expect(killed.process.signalCode ?? killed.process.exitCode).not.toBeNull();
  expect(failures(statuses)).toEqual([]);
});

test("with every server gone, cached pages are still served, and no error page is cached over a page", async () => {
  await stopGroup(servers.get(BASE_PORT + 4)!.process, "SIGKILL");
  servers.delete(BASE_PORT + 4);
  for (const address of addresses()) expect(await get(address, "gzip"), address).toBe(200);
  // Never asked for before: nothing to fall back on, so an error, which nginx must not keep.
  expect(await get("/autores", "gzip")).toBeGreaterThanOrEqual(500);
  await startServer(BASE_PORT + 5);
  await proxy.reload([BASE_PORT + 5]);
  expect(await get("/autores", "gzip")).toBe(200);
  expect(await get(SAMPLE_PATH, "gzip")).toBe(200);
});
