import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { compileContent, formatProblem } from "../lib/content/compile";
import { slugify } from "../content/slug";
import { nowInSiteZone } from "./new-article";

test("slugs are URL-safe and cut between words", () => {
  assert.equal(slugify("¿Quién ganó las elecciones en Córdoba?"), "quien-gano-las-elecciones-en-cordoba");
  assert.equal(slugify("  Ñandúes & pingüinos: 2026  "), "nandues-pinguinos-2026");
  const long = slugify("palabra ".repeat(30));
  assert.ok(long.length <= 80 && !long.endsWith("-") && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(long));
});

test("the publication time carries the site's time zone offset", () => {
  assert.equal(nowInSiteZone(new Date("2026-01-15T10:05:30Z")), "2026-01-15T11:05:00+01:00");
  assert.equal(nowInSiteZone(new Date("2026-07-15T10:05:30Z")), "2026-07-15T12:05:00+02:00");
});

test("writes a draft that passes the content check, and refuses to overwrite it", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "gaceta-new-article-"));
  try {
    await cp("content/sections.ts", path.join(dir, "sections.ts"));
    await cp("content/topics.ts", path.join(dir, "topics.ts"));
    await cp("content/authors", path.join(dir, "authors"), { recursive: true });
    const run = (...args: string[]) =>
      spawnSync("node_modules/.bin/tsx", ["scripts/new-article.ts", ...args], {
        env: { ...process.env, CONTENT_DIR: dir },
        encoding: "utf8",
      });

    const created = run(
      "--section",
      "democracia-y-politica/elecciones",
      "--title",
      "Ottawa refuerza la ciberseguridad electoral",
      "--author",
      "alex-boutilier",
    );
    assert.equal(created.status, 0, created.stderr);
    const file = path.join(dir, "articles", "ottawa-refuerza-la-ciberseguridad-electoral.ts");
    const source = await readFile(file, "utf8");
    assert.match(source, /status: "draft"/);
    assert.match(source, /PENDIENTE/);
    const { problems } = await compileContent(dir, { publicDir: path.resolve("public") });
    assert.deepEqual(problems.map(formatProblem), []);

    const again = run("--section", "democracia-y-politica/elecciones", "--title", "Ottawa refuerza la ciberseguridad electoral");
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
    assert.equal(await readFile(file, "utf8"), source);

    assert.match(source, /\/\/ Optional: up to six topics of content\/topics\.ts/);

    const filed = run("--section", "democracia-y-politica/elecciones", "--title", "Otra noticia", "--topics", "desinformacion, canada");
    assert.equal(filed.status, 0, filed.stderr);
    assert.match(await readFile(path.join(dir, "articles", "otra-noticia.ts"), "utf8"), /^ {2}topics: \["desinformacion","canada"\],$/m);
    assert.deepEqual((await compileContent(dir, { publicDir: path.resolve("public") })).problems.map(formatProblem), []);

    const badTopic = run("--section", "democracia-y-politica/elecciones", "--title", "Un titular", "--topics", "canada,nada");
    assert.equal(badTopic.status, 1);
    assert.match(badTopic.stderr, /unknown topic "nada"; choose among:\n {2}injerencia-extranjera/);

    const badSection = run("--section", "deportes/futbol", "--title", "Un titular");
    assert.equal(badSection.status, 1);
    assert.match(badSection.stderr, /unknown section "deportes\/futbol"; choose one of:\n {2}democracia-y-politica\/elecciones/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
