import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { compileContent, formatProblem } from "./compile";

const section = `export default [{ slug: "democracia-y-politica", name: "Democracia y Política", description: "D.",
  subsections: [{ slug: "elecciones", name: "Elecciones", description: "E." }] }];`;
const author = (slug: string) => `export default { slug: "${slug}", name: "Alex Boutilier", bio: "Reporter." };`;

const article = (slug: string, changes = "") => `export default {
  slug: "${slug}",
  status: "published",
  headline: "Un titular",
  section: "democracia-y-politica/elecciones",
  authors: ["alex-boutilier"],
  publishedAt: "2020-05-26T12:00:00-04:00",
  language: "en",
  leadImage: { src: "/images/wide.jpg", alt: "Alt", caption: "Caption.", credit: "Foto: Gaceta" },
  body: "The first paragraph of the body has quite a few words in it so that the description must be cut somewhere sensible before it runs on, well past what a search result can show.\\n\\nSecond paragraph.",
  ${changes}
};`;

let root: string;
let publicDir: string;

async function tree(name: string, files: Record<string, string>) {
  const dir = path.join(root, name);
  for (const [file, source] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), source);
  }
  return dir;
}

const compile = async (dir: string, articlesPerWorker?: number) => {
  const result = await compileContent(dir, { publicDir, displayRoot: dir, articlesPerWorker });
  return { ...result, lines: result.problems.map(formatProblem) };
};

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), "gaceta-content-"));
  publicDir = path.join(root, "public");
  await mkdir(path.join(publicDir, "images"), { recursive: true });
  const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#123456" } }).jpeg();
  await image(1600, 900).toFile(path.join(publicDir, "images", "wide.jpg"));
  await image(800, 600).toFile(path.join(publicDir, "images", "small.jpg"));
});

after(() => rm(root, { recursive: true, force: true }));

describe("content compiler", () => {
  test("records the build's SITE_URL and what it prerenders, for the server to read", async () => {
    const dir = await tree("settings", {
      "sections.ts": section,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/a.ts": article("a"),
    });
    const saved = { ...process.env };
    Object.assign(process.env, { SITE_URL: "https://gaceta.example/", PRERENDER_ARTICLES: "7", PRERENDER_LIST_PAGES: "2" });
    try {
      const { bundle } = await compile(dir);
      assert.equal(bundle!.siteUrl, "https://gaceta.example");
      assert.deepEqual(bundle!.prerender, { articles: 7, listPages: 2 });
    } finally {
      for (const name of ["SITE_URL", "PRERENDER_ARTICLES", "PRERENDER_LIST_PAGES"]) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });

  test("compiles a valid tree, newest first, with derived fields", async () => {
    const dir = await tree("valid", {
      "sections.ts": section,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/2020/older.ts": article("older"),
      "articles/2021/newer.ts": article("newer", 'publishedAt: "2021-01-01T10:00:00Z", standfirst: "La entradilla.", status: "draft",'),
    });
    const { bundle, lines } = await compile(dir);
    assert.deepEqual(lines, []);
    assert.ok(bundle);
    assert.deepEqual(
      bundle.articles.map((a) => a.slug),
      ["newer", "older"],
    );
    const [newer, older] = bundle.articles;
    assert.equal(newer!.description, "La entradilla.");
    assert.equal(
      older!.description,
      "The first paragraph of the body has quite a few words in it so that the description must be cut somewhere sensible before it runs on, well past what a search…",
    );
    assert.ok(older!.description.length <= 160);
    assert.equal(older!.wordCount, 36);
    assert.deepEqual(
      { width: older!.leadImage.width, height: older!.leadImage.height, bytes: older!.leadImage.bytes > 0 },
      { width: 1600, height: 900, bytes: true },
    );
    assert.deepEqual(
      bundle.sections.map((s) => s.path),
      ["democracia-y-politica", "democracia-y-politica/elecciones"],
    );
    assert.equal(bundle.sections[1]!.parent, "democracia-y-politica");
  });

  test("keeps bodies out of the bundle: each one's place in the bodies file, in bytes", async () => {
    const dir = await tree("bodies", {
      "sections.ts": section,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/a.ts": article("a", 'body: "Año uno.", publishedAt: "2021-01-01T10:00:00Z",'),
      "articles/b.ts": article("b", 'body: "Dos."'),
    });
    const { bundle, bodies, lines } = await compile(dir);
    assert.deepEqual(lines, []);
    assert.equal(Buffer.concat(bodies).toString(), "Año uno.Dos.");
    assert.deepEqual(
      bundle!.articles.map((a) => [a.slug, a.bodyAt, "body" in a]),
      [
        ["a", [0, 9], false],
        ["b", [9, 13], false],
      ],
    );
    assert.equal(bundle!.bodiesFile, `bodies-${bundle!.compiledAt}.md`);
  });

  test("an archive compiled a chunk per worker thread gives what one thread gives", async () => {
    const dir = await tree("workers", {
      "sections.ts": section,
      "topics.ts": `export default [{ slug: "canada", name: "Canadá", description: "Canadá." }];`,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      ...Object.fromEntries(
        Array.from({ length: 5 }, (_, index) => [
          `articles/a${index}.ts`,
          article(`a${index}`, `publishedAt: "202${index}-01-01T10:00:00Z", topics: ["canada"], body: "Texto ${index}."`),
        ]),
      ),
      "articles/b/a1.ts": article("a1"),
      "articles/unknown.ts": article("unknown", 'section: "deportes/futbol",'),
    });
    const oneThread = await compile(dir);
    const workers = await compile(dir, 2);
    assert.deepEqual(workers.lines, oneThread.lines);
    assert.deepEqual(workers.lines.sort(), [
      'articles/b/a1.ts: slug: duplicate slug "a1", also used by articles/a1.ts',
      'articles/unknown.ts: section: unknown section "deportes/futbol": it is not a section/subsection in sections.ts',
    ]);
    await rm(path.join(dir, "articles", "b"), { recursive: true });
    await rm(path.join(dir, "articles", "unknown.ts"));
    const [good, goodInWorkers] = [await compile(dir), await compile(dir, 2)];
    assert.equal(goodInWorkers.bundle!.articles.length, 5);
    assert.deepEqual({ ...goodInWorkers.bundle!, compiledAt: 0, bodiesFile: "" }, { ...good.bundle!, compiledAt: 0, bodiesFile: "" });
    assert.equal(Buffer.concat(goodInWorkers.bodies).toString(), Buffer.concat(good.bodies).toString());
    assert.deepEqual(goodInWorkers.searchEntries, good.searchEntries);
  });

  test("topics: optional, and an article may only name topics of topics.ts, each once", async () => {
    const topics = `export default [
      { slug: "canada", name: "Canadá", description: "Canadá." },
      { slug: "desinformacion", name: "Desinformación", description: "Bulos." },
    ];`;
    const good = await compile(
      await tree("topics-good", {
        "sections.ts": section,
        "topics.ts": topics,
        "authors/alex-boutilier.ts": author("alex-boutilier"),
        "articles/a.ts": article("a", 'topics: ["desinformacion", "canada"],'),
        "articles/b.ts": article("b"),
      }),
    );
    assert.deepEqual(good.lines, []);
    assert.deepEqual(
      good.bundle!.topics.map((topic) => topic.slug),
      ["canada", "desinformacion"],
    );
    assert.deepEqual(good.bundle!.articles.find((a) => a.slug === "a")!.topics, ["desinformacion", "canada"]);

    const withoutFile = await compile(
      await tree("topics-none", {
        "sections.ts": section,
        "authors/alex-boutilier.ts": author("alex-boutilier"),
        "articles/b.ts": article("b"),
      }),
    );
    assert.deepEqual(withoutFile.lines, []);
    assert.deepEqual(withoutFile.bundle!.topics, []);

    const bad = await compile(
      await tree("topics-bad", {
        "sections.ts": section,
        "topics.ts": `export default [
          { slug: "canada", name: "Canadá", description: "Canadá." },
          { slug: "canada", name: "Canadá otra vez", description: "Repetido." },
          { slug: "Sin Slug", name: "", description: "Mal." },
        ];`,
        "authors/alex-boutilier.ts": author("alex-boutilier"),
        "articles/unknown.ts": article("unknown", 'topics: ["canada", "elecciones-2019"],'),
        "articles/twice.ts": article("twice", 'topics: ["canada", "canada"],'),
        "articles/empty.ts": article("empty", "topics: [],"),
        "articles/many.ts": article("many", 'topics: ["a", "b", "c", "d", "e", "f", "g"],'),
      }),
    );
    assert.equal(bad.bundle, null);
    // A broken topics.ts lists no topic, so the articles' are unknown too, as with sections.ts.
    assert.deepEqual(bad.lines.sort(), [
      "articles/empty.ts: topics: is an empty list: leave it out when no topic applies",
      "articles/many.ts: topics: lists more than 6 topics: keep the ones the article is about",
      "articles/twice.ts: topics: lists the same topic twice",
      'articles/unknown.ts: topics[0]: unknown topic "canada": it is not in topics.ts',
      'articles/unknown.ts: topics[1]: unknown topic "elecciones-2019": it is not in topics.ts',
      "topics.ts: [2].name: name is empty",
      'topics.ts: [2].slug: slug is not URL-safe: use lowercase letters, digits and single hyphens (e.g. "my-article")',
    ]);

    const unknown = await compile(
      await tree("topics-unknown", {
        "sections.ts": section,
        "topics.ts": `export default [{ slug: "canada", name: "Canadá", description: "Canadá." }, { slug: "canada", name: "Otra", description: "Otra." }];`,
        "authors/alex-boutilier.ts": author("alex-boutilier"),
        "articles/unknown.ts": article("unknown", 'topics: ["canada", "elecciones-2019"],'),
      }),
    );
    assert.deepEqual(unknown.lines.sort(), [
      'articles/unknown.ts: topics[1]: unknown topic "elecciones-2019": it is not in topics.ts',
      'topics.ts: [1].slug: duplicate topic slug "canada"',
    ]);
  });

  test("withdrawals: each address answers 410, so no article may be at it or lead to it", async () => {
    const withdrawn = (entries: string) => `export default [${entries}];`;
    const entry = (path: string, changes = "") =>
      `{ path: "${path}", withdrawnAt: "2026-11-27T10:00:00+01:00", reason: "Retirado por orden judicial.", ${changes} }`;
    const files = {
      "sections.ts": section,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/current.ts": article("current", 'formerPaths: ["/democracia-y-politica/elecciones/antes"],'),
    };
    const good = await compile(
      await tree("withdrawn-good", { ...files, "withdrawn.ts": withdrawn(entry("/democracia-y-politica/elecciones/retirado")) }),
    );
    assert.deepEqual(good.lines, []);
    assert.deepEqual(
      good.bundle?.withdrawals.map((w) => w.path),
      ["/democracia-y-politica/elecciones/retirado"],
    );

    const clashing = await compile(
      await tree("withdrawn-clashing", {
        ...files,
        "withdrawn.ts": withdrawn(
          [
            entry("/democracia-y-politica/elecciones/current"),
            entry("/democracia-y-politica/elecciones/antes"),
            entry("/democracia-y-politica/elecciones/doble"),
            entry("/democracia-y-politica/elecciones/doble"),
          ].join(","),
        ),
      }),
    );
    assert.deepEqual(clashing.lines, [
      "withdrawn.ts: [0].path: is the address of articles/current.ts: delete that module to withdraw the article",
      "withdrawn.ts: [1].path: is a former path of articles/current.ts, which it leads to",
      "withdrawn.ts: [3].path: is listed twice",
    ]);

    const malformed = await compile(
      await tree("withdrawn-malformed", {
        ...files,
        "withdrawn.ts": withdrawn(
          [
            entry("https://gaceta.example/democracia-y-politica/elecciones/x"),
            entry("/democracia-y-politica/elecciones/sin-motivo", 'reason: " ",'),
            entry("/democracia-y-politica/elecciones/sin-zona", 'withdrawnAt: "2026-11-27T10:00:00",'),
            entry("/democracia-y-politica/elecciones/extra", 'url: "/x",'),
          ].join(","),
        ),
      }),
    );
    assert.deepEqual(malformed.lines, [
      'withdrawn.ts: [0].path: write the path alone, without the site\'s address: "/democracia-y-politica/elecciones/x"',
      "withdrawn.ts: [1].reason: reason is empty",
      'withdrawn.ts: [2].withdrawnAt: invalid time zone: "2026-11-27T10:00:00" has no offset; add one such as -04:00, +02:00 or Z',
      "withdrawn.ts: [3].url: unknown field: check its spelling against content/schema.ts",
    ]);
  });

  test("hands the search index every article but drafts, as plain text with its byline, sections and topics", async () => {
    const dir = await tree("search", {
      "sections.ts": section,
      "topics.ts": `export default [{ slug: "canada", name: "Canadá", description: "Canadá." }];`,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/public.ts": article("public", 'body: "A **bold** [link](https://example.org) word.", topics: ["canada"],'),
      "articles/draft.ts": article("draft", 'status: "draft",'),
    });
    const { searchEntries, lines } = await compile(dir);
    assert.deepEqual(lines, []);
    assert.deepEqual(searchEntries, [
      {
        id: "public",
        // Once each, as written: headline, body as plain text, byline, section and parent, topics.
        written: "un titular a bold link word alex boutilier democracia y política elecciones canadá",
        prominent: "titular",
      },
    ]);
  });

  test("reports each problem as file: field: reason", async () => {
    const dir = await tree("broken", {
      "sections.ts": section,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "authors/renamed.ts": author("someone-else"),
      "articles/unknown-section.ts": article("unknown-section", 'section: "deportes/futbol",'),
      "articles/unknown-author.ts": article("unknown-author", 'authors: ["alex-boutilier", "nadie"],'),
      "articles/a/duplicate.ts": article("duplicate"),
      "articles/b/duplicate.ts": article("duplicate"),
      "articles/missing-image.ts": article(
        "missing-image",
        'leadImage: { src: "/images/nope.jpg", alt: "A", caption: "C.", credit: "F" },',
      ),
      "articles/small-image.ts": article("small-image", 'leadImage: { src: "/images/small.jpg", alt: "A", caption: "C.", credit: "F" },'),
      "articles/file-name.ts": article("another-slug"),
      "articles/no-alt.ts": article("no-alt", 'leadImage: { src: "/images/wide.jpg", caption: "C.", credit: "F" },'),
      "articles/no-default.ts": "export const article = {};",
      "articles/syntax.ts": "export default { slug: ",
    });
    const { bundle, lines } = await compile(dir);
    assert.equal(bundle, null);
    assert.deepEqual(
      lines.sort(),
      [
        'articles/b/duplicate.ts: slug: duplicate slug "duplicate", also used by articles/a/duplicate.ts',
        'articles/file-name.ts: slug: "another-slug" does not match the file name "file-name"',
        "articles/missing-image.ts: leadImage.src: image file not found: public/images/nope.jpg",
        "articles/no-alt.ts: leadImage.alt: missing alt text",
        "articles/no-default.ts: (module): has no default export: write `export default { ... }`",
        "articles/small-image.ts: leadImage.src: image is 800 px wide; lead images need at least 1200 px",
        "articles/syntax.ts: (module): cannot be loaded: line 1, column 24: Unexpected end of file",
        'articles/unknown-author.ts: authors[1]: unknown author "nadie": no authors/nadie.ts',
        'articles/unknown-section.ts: section: unknown section "deportes/futbol": it is not a section/subsection in sections.ts',
        'authors/renamed.ts: slug: "someone-else" does not match the file name "renamed"',
      ].sort(),
    );
  });

  test("a former path may not be an article's address now, nor lead to two articles", async () => {
    const dir = await tree("former-paths", {
      "sections.ts": section,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/moved.ts": article(
        "moved",
        'formerPaths: ["/politica/elecciones/moved-before", "/democracia-y-politica/elecciones/other"],',
      ),
      "articles/other.ts": article("other", 'status: "draft",'),
      "articles/loop.ts": article("loop", 'formerPaths: ["/democracia-y-politica/elecciones/loop"],'),
      "articles/rival.ts": article("rival", 'formerPaths: ["/politica/elecciones/moved-before"],'),
    });
    const { bundle, lines } = await compile(dir);
    assert.equal(bundle, null);
    assert.deepEqual(lines.sort(), [
      "articles/loop.ts: formerPaths[0]: is this article's own address: it would redirect to itself",
      "articles/moved.ts: formerPaths[1]: is the address of articles/other.ts now",
      "articles/rival.ts: formerPaths[0]: is also a former path of articles/moved.ts: an address can lead to one article only",
    ]);

    const valid = await tree("former-paths-valid", {
      "sections.ts": section,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/moved.ts": article("moved", 'formerPaths: ["/politica/elecciones/moved-before"],'),
    });
    const compiled = await compile(valid);
    assert.deepEqual(compiled.lines, []);
    assert.deepEqual(compiled.bundle!.articles[0]!.formerPaths, ["/politica/elecciones/moved-before"]);
  });

  test("reports a missing section tree and unknown fields", async () => {
    const dir = await tree("no-sections", {
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/typo.ts": article("typo", 'titulo: "x",'),
    });
    const { lines } = await compile(dir);
    assert.deepEqual(
      lines.sort(),
      [
        "articles/typo.ts: titulo: unknown field: check its spelling against content/schema.ts",
        "sections.ts: (module): file not found: the section tree is required",
      ].sort(),
    );
  });

  test("reports a section, or a subsection within its section, named twice", async () => {
    const sub = (slug: string) => `{ slug: "${slug}", name: "${slug}", description: "S." }`;
    const top = (slug: string, subs: string[]) =>
      `{ slug: "${slug}", name: "${slug}", description: "D.", subsections: [${subs.join(", ")}] }`;
    const dir = await tree("duplicate-sections", {
      "sections.ts": `export default [${[
        top("democracia-y-politica", [sub("elecciones"), sub("parlamento"), sub("elecciones")]),
        top("sociedad", [sub("elecciones")]),
        top("democracia-y-politica", [sub("gobierno")]),
      ].join(", ")}];`,
      "authors/alex-boutilier.ts": author("alex-boutilier"),
      "articles/one.ts": article("one"),
    });
    const { lines } = await compile(dir);
    // The same subsection slug under another section is another address, so it is allowed.
    assert.deepEqual(lines.sort(), [
      'sections.ts: [0].subsections[2].slug: duplicate subsection slug "elecciones"',
      'sections.ts: [2].slug: duplicate section slug "democracia-y-politica"',
    ]);
  });
});
