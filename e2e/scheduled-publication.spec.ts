import { expect, test } from "@playwright/test";
import { site } from "../lib/site";
import { searchPath } from "../lib/urls";
import { AUTHOR_PATH, SAMPLE_PATH, SUBSECTION_PATH, TOPIC_PATH, firstByteBeyondAscii, fixtures, readUnescaped } from "./support";

/**
 * Runs after every other test (see playwright.config.ts): the scheduled fixture was given a time a
 * few minutes after the build, and must appear without a rebuild within 60 seconds of it (the
 * server's publication scheduler revalidates the pages at that time; see lib/publication-schedule.ts).
 */
test("a scheduled article appears on its page, in lists, search, sitemaps and feeds within 60 s of its time, and its former address leads there", async ({ request }) => {
  const { scheduled, siteUrl, filler } = fixtures();
  const due = Date.parse(scheduled.publishedAt);
  test.setTimeout(Math.max(0, due - Date.now()) + 150_000);

  // Still private until its time.
  if (Date.now() < due - 2_000) {
    expect((await request.get(scheduled.path)).status()).toBe(404);
    expect((await request.get(scheduled.formerPath, { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get(scheduled.opensListPage)).status()).toBe(404);
    expect(await (await request.get("/sitemap.xml")).text()).not.toContain(scheduled.path);
    expect(await (await request.get(SAMPLE_PATH)).text()).not.toContain(scheduled.path);
    expect(await (await request.get(searchPath(scheduled.text))).text()).not.toContain(scheduled.path);
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));

  const places: [string, (body: string) => boolean][] = [
    [scheduled.path, (body) => body.includes(scheduled.text)],
    [SUBSECTION_PATH, (body) => body.includes(scheduled.path)],
    // A later page of a list, a 404 until now: the article, newest, pushes the list's oldest there.
    [scheduled.opensListPage, (body) => body.includes(filler[site.pageSize - 1]!.path)],
    // Under the older articles that share its topic: "Noticias relacionadas".
    [SAMPLE_PATH, (body) => body.includes(scheduled.path)],
    ["/", (body) => body.includes(scheduled.path)],
    ["/sitemap.xml", (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    ["/news-sitemap.xml", (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    ["/feed.xml", (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    ["/democracia-y-politica/feed.xml", (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    [`${SUBSECTION_PATH}/feed.xml`, (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    // Its topic's page and feed (scripts/e2e-server.ts files every fixture under it).
    [TOPIC_PATH, (body) => body.includes(scheduled.path)],
    [`${TOPIC_PATH}/feed.xml`, (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    [`${AUTHOR_PATH}/feed.xml`, (body) => body.includes(`${siteUrl}${scheduled.path}`)],
    [searchPath(scheduled.text), (body) => body.includes(scheduled.path)],
  ];
  const appearedAfter: Record<string, number> = {};
  while (Object.keys(appearedAfter).length < places.length && Date.now() - due < 60_000) {
    for (const [place, shows] of places) {
      if (place in appearedAfter) continue;
      const response = await request.get(place);
      if (response.status() === 200 && shows(await readUnescaped(response))) appearedAfter[place] = (Date.now() - due) / 1000;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  console.log("seconds after its time:", appearedAfter);
  expect(Object.keys(appearedAfter).sort()).toEqual(places.map(([place]) => place).sort());
  for (const seconds of Object.values(appearedAfter)) expect(seconds).toBeLessThanOrEqual(60);

  // Its former address leads to it from its time on.
  const fromFormerPath = await request.get(scheduled.formerPath, { maxRedirects: 0 });
  expect(fromFormerPath.status()).toBe(301);
  expect(fromFormerPath.headers()["location"]).toBe(scheduled.path);

  // Pages re-rendered by the server are cached as ASCII too (lib/ascii-page-cache.ts), like the prerendered ones.
  for (const place of [scheduled.path, SUBSECTION_PATH, "/"]) {
    const response = await request.get(place);
    expect(response.headers()["x-nextjs-cache"], place).toMatch(/^(HIT|STALE)$/);
    expect(await firstByteBeyondAscii(response), `${place}: first byte beyond ASCII`).toBe(-1);
  }
});
