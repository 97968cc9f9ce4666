import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { site as siteConfig } from "../lib/site";
import { searchPath } from "../lib/urls";
import { startNext, startRecommendedProxy, type Server } from "../scripts/servers";
import { buildFixtureSite, type FixtureSite } from "./fixture-site";
import { AUTHOR_PATH, SAMPLE_PATH, SUBSECTION_PATH, TOPIC_PATH, firstByteBeyondAscii, readUnescaped } from "./support";

/**
 * Publication without a rebuild, on a site of its own: its scheduled article is seen by no other
 * test's lists, counts or searches, and its time is set from when this test starts, not from when
 * the other site's content was written. Served as in production with several servers: two
 * servers of the build behind the shipped nginx cache, readers asking nginx. Each server's
 * publication scheduler must revalidate the pages at that time (lib/publication-schedule.ts),
 * and the cache must let them through within 60 s, whichever server answers.
 */
const DIR = path.resolve(".e2e", "publication");
/** nginx's port: the site's public address. */
const PORT = Number(process.env.E2E_PUBLICATION_PORT ?? 3101);
const SERVER_PORTS = [PORT + 10, PORT + 11];
/** Room for the checks that the article is still hidden, between the server's start and its time. */
const LEAD_MS = 30_000;
/** The article's first time, counted from the content write; doubled whenever the build eats it. */
const FIRST_MARGIN_MS = 150_000;
const LAST_MARGIN_MS = 20 * 60_000;

/**
 * Builds and serves the site with the article due `margin` ahead. A build slow enough to leave
 * less than LEAD_MS is thrown away and made again with twice the margin, so how fast the machine
 * is changes how long this takes, never what it finds.
 */
async function startPublicationSite(): Promise<{ site: FixtureSite; servers: Server[] }> {
  for (let margin = FIRST_MARGIN_MS; ; margin *= 2) {
    const site = await buildFixtureSite({ dir: DIR, port: PORT, scheduledAt: Date.now() + margin, output: "log" });
    const servers = await Promise.all(SERVER_PORTS.map((port) => startNext(port, site.env, site.tree)));
    servers.push(await startRecommendedProxy(path.join(DIR, "nginx"), { upstreamPorts: SERVER_PORTS, port: PORT }));
    const lead = Date.parse(site.fixtures.scheduled.publishedAt) - Date.now();
    if (lead >= LEAD_MS) return { site, servers };
    for (const server of servers) await server.stop();
    if (margin >= LAST_MARGIN_MS) throw new Error(`the publication site took more than ${LAST_MARGIN_MS / 60_000} minutes to build`);
    console.log(`The build left ${Math.round(lead / 1000)} s before the article's time: building again with ${(2 * margin) / 1000} s.`);
  }
}

let site: FixtureSite;
let servers: Server[] = [];
let request: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(LAST_MARGIN_MS * 2);
  ({ site, servers } = await startPublicationSite());
  request = await playwrightRequest.newContext({ baseURL: site.fixtures.siteUrl });
});

test.afterAll(async () => {
  await request?.dispose();
  for (const server of servers.reverse()) await server.stop();
});

test("a scheduled article appears on its page, in lists, search, sitemaps and feeds within 60 s of its time, and its former address leads there", async () => {
  const { scheduled, siteUrl, filler } = site.fixtures;
  const due = Date.parse(scheduled.publishedAt);
  test.setTimeout(Math.max(0, due - Date.now()) + 150_000);

  // Still private until its time.
  expect(Date.now()).toBeLessThan(due);
  expect((await request.get(scheduled.path)).status()).toBe(404);
  expect((await request.get(scheduled.formerPath, { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get(scheduled.opensListPage)).status()).toBe(404);
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain(scheduled.path);
  expect(await (await request.get(SAMPLE_PATH)).text()).not.toContain(scheduled.path);
  expect(await (await request.get(searchPath(scheduled.text))).text()).not.toContain(scheduled.path);
  expect((await request.get(scheduled.image)).status()).toBe(404);
  expect(Date.now(), "the checks above ran past the article's time").toBeLessThan(due);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));

  const places: [string, (body: string) => boolean][] = [
    [scheduled.path, (body) => body.includes(scheduled.text)],
    [SUBSECTION_PATH, (body) => body.includes(scheduled.path)],
    // A later page of a list, a 404 until now: the article, newest, pushes the list's oldest there.
    [scheduled.opensListPage, (body) => body.includes(filler[siteConfig.pageSize - 1]!.path)],
    // Under the older articles that share its topic: "Noticias relacionadas".
    [SAMPLE_PATH, (body) => body.includes(scheduled.path)],
    ["/", (body) => body.includes(scheduled.path)],
    ["/sitemap.xml", (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    ["/news-sitemap.xml", (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    ["/feed.xml", (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    ["/democracia-y-politica/feed.xml", (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    [`${SUBSECTION_PATH}/feed.xml`, (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    // Its topic's page and feed (e2e/site-content.ts files every fixture under it).
    [TOPIC_PATH, (body) => body.includes(scheduled.path)],
    [`${TOPIC_PATH}/feed.xml`, (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    [`${AUTHOR_PATH}/feed.xml`, (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    [searchPath(scheduled.text), (body) => body.includes(scheduled.path)],
  ];
  const appearedAfter: Record<string, number> = {};
  const leanOnArrival: Record<string, boolean> = {};
  while (Object.keys(appearedAfter).length < places.length && Date.now() - due < 60_000) {
    for (const [place, shows] of places) {
      if (place in appearedAfter) continue;
      const response = await request.get(place);
      const body = await readUnescaped(response);
      if (response.status() === 200 && shows(body)) {
        appearedAfter[place] = (Date.now() - due) / 1000;
        // The first copy that shows it is already lean (lib/page-output.ts): no runtime, no RSC data.
        const scripts = (body.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/application\/ld\+json|back-to-top\.js/.test(tag));
        leanOnArrival[place] = scripts.length === 0 && !body.includes("self.__next_f");
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  console.log("seconds after its time:", appearedAfter);
  expect(Object.keys(appearedAfter).sort()).toEqual(places.map(([place]) => place).sort());
  for (const seconds of Object.values(appearedAfter)) expect(seconds).toBeLessThanOrEqual(60);
  expect(
    Object.entries(leanOnArrival)
      .filter(([, lean]) => !lean)
      .map(([place]) => place),
    "pages not lean on arrival",
  ).toEqual([]);

  // Whichever server the cache asks next has published it too.
  for (const port of SERVER_PORTS) {
    const direct = await request.get(`http://127.0.0.1:${port}${scheduled.path}`);
    expect(direct.status(), `server on ${port}`).toBe(200);
    expect(await readUnescaped(direct), `server on ${port}`).toContain(scheduled.text);
  }

  // Its lead image is served from its time on.
  expect((await request.get(scheduled.image)).status()).toBe(200);

  // Its former address leads to it from its time on.
  const fromFormerPath = await request.get(scheduled.formerPath, { maxRedirects: 0 });
  expect(fromFormerPath.status()).toBe(301);
  expect(fromFormerPath.headers()["location"]).toBe(scheduled.path);

  // Pages re-rendered by the server are cached lean and as ASCII too (lib/page-output.ts), like the prerendered ones.
  for (const place of [scheduled.path, SUBSECTION_PATH, "/"]) {
    const response = await request.get(place);
    expect(response.headers()["x-nextjs-cache"], place).toMatch(/^(HIT|STALE)$/);
    expect(await firstByteBeyondAscii(response), `${place}: first byte beyond ASCII`).toBe(-1);
  }
});
