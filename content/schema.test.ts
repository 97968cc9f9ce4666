import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { z } from "zod";
import { articleSchema, authorSchema, sectionsSchema, type ArticleModule } from "./schema";

const goodArticle = (): ArticleModule => ({
  slug: "una-noticia",
  status: "published",
  headline: "Una noticia",
  section: "democracia-y-politica/elecciones",
  authors: ["alex-boutilier"],
  publishedAt: "2020-05-26T12:00:00-04:00",
  language: "es",
  dateline: "MADRID",
  leadImage: { src: "/images/2020/05/foto.jpg", alt: "Una urna", caption: "Pie de foto.", credit: "Foto: Gaceta" },
  body: "Primer párrafo.\n\n> Una cita.\n\n## Un ladillo\n\nCon [un enlace](https://example.org) y *énfasis*.",
});

/** The problems as the content check prints them: "field: reason". */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, {
    error: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "is required but missing" : undefined),
  });
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".") || "(module)"}: ${issue.message}`);
}

const articleWith = (changes: Record<string, unknown>) => ({ ...goodArticle(), ...changes });

describe("article schema", () => {
  test("accepts a complete article and an article without its optional fields", () => {
    assert.deepEqual(problems(articleSchema, goodArticle()), []);
    const { dateline: _dateline, ...minimal } = goodArticle();
    assert.deepEqual(problems(articleSchema, minimal), []);
    assert.deepEqual(problems(articleSchema, articleWith({ updatedAt: "2020-05-27T09:00:00Z", standfirst: "Una entradilla." })), []);
    assert.deepEqual(
      problems(
        articleSchema,
        articleWith({ formerPaths: ["/politica/elecciones/una-noticia", "/democracia-y-politica/elecciones/noticia"] }),
      ),
      [],
    );
    const corrections = [
      { date: "2020-05-26T18:00:00-04:00", text: "Una versión anterior daba una fecha errónea." },
      { date: "2020-05-27T09:00:00-04:00", text: "Se corrigió el nombre del ministerio." },
    ];
    assert.deepEqual(
      problems(articleSchema, articleWith({ updatedAt: "2020-05-27T13:00:00Z", corrections })),
      [],
      "updatedAt at the latest correction",
    );
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ["a missing headline", { headline: undefined }, "headline: is required but missing"],
    ["an empty headline", { headline: "  " }, "headline: headline is empty"],
    ["a headline over 110 characters", { headline: "a".repeat(111) }, "headline: headline is longer than 110 characters"],
    [
      "a slug that is not URL-safe",
      { slug: "Una Noticia!" },
      'slug: slug is not URL-safe: use lowercase letters, digits and single hyphens (e.g. "my-article")',
    ],
    [
      "a slug with a double hyphen",
      { slug: "una--noticia" },
      'slug: slug is not URL-safe: use lowercase letters, digits and single hyphens (e.g. "my-article")',
    ],
    ["an unknown status", { status: "hidden" }, 'status: status must be "draft" or "published"'],
    [
      "a section without subsection",
      { section: "democracia-y-politica" },
      'section: must be "section/subsection", e.g. "democracia-y-politica/elecciones"',
    ],
    ["no authors", { authors: [] }, "authors: needs at least one author"],
    [
      "a date without time zone",
      { publishedAt: "2020-05-26T12:00:00" },
      'publishedAt: invalid time zone: "2020-05-26T12:00:00" has no offset; add one such as -04:00, +02:00 or Z',
    ],
    [
      "an impossible date",
      { publishedAt: "2020-02-30T12:00:00Z" },
      'publishedAt: invalid date "2020-02-30T12:00:00Z": no such day or time',
    ],
    [
      "a date that is not ISO 8601",
      { publishedAt: "26/05/2020" },
      'publishedAt: invalid date "26/05/2020": write it as YYYY-MM-DDTHH:MM:SS±HH:MM',
    ],
    [
      "an impossible offset",
      { publishedAt: "2020-05-26T12:00:00+25:00" },
      'publishedAt: invalid time zone offset "+25:00": offsets run from -12:00 to +14:00',
    ],
    ["an update before publication", { updatedAt: "2020-05-25T12:00:00Z" }, "updatedAt: is earlier than publishedAt"],
    ["a bad language tag", { language: "English" }, 'language: not a language tag: use an ISO 639 code such as "es", "en" or "pt-BR"'],
    [
      "a source over http",
      { source: { name: "Toronto Star", url: "http://www.thestar.com/" } },
      "source.url: source url must be an absolute https:// URL",
    ],
    ["an unknown field", { titular: "x" }, '(module): Unrecognized key: "titular"'],
    [
      "raw HTML in the body",
      { body: "Texto.\n\n<script>alert(1)</script>" },
      'body: raw HTML is not allowed (line 3): "<script>alert(1)</script>"; write Markdown instead',
    ],
    [
      "inline HTML in the body",
      { body: 'Texto con <img src=x onerror="alert(1)"> dentro.' },
      'body: raw HTML is not allowed (line 1): "<img src=x onerror=\\"alert(1)\\">"; write Markdown instead',
    ],
    [
      "a javascript: link",
      { body: "[pulsa](javascript:alert(1))" },
      'body: unsafe link "javascript:alert(1)" (line 1): links must start with https://, http://, mailto: or /',
    ],
    ["an image in the body", { body: "![x](/images/a.jpg)" }, "body: images are not allowed in the body (line 1); use the lead image"],
    [
      "a level-1 heading",
      { body: "# Otro titular" },
      "body: level-1 heading (line 1): the headline is the page's only h1; use ## for subheadings",
    ],
    ["an empty body", { body: "" }, "body: body is empty"],
    [
      "a former path written as a URL",
      { formerPaths: ["https://gaceta.example/a/b/antes"] },
      'formerPaths.0: write the path alone, without the site\'s address: "/a/b/antes"',
    ],
    [
      "a former path with a query string",
      { formerPaths: ["/a/b/antes?utm_source=x"] },
      "formerPaths.0: must not hold a query string or fragment: the path alone",
    ],
    [
      "a former path that is no article address",
      { formerPaths: ["/a/b/antes/"] },
      'formerPaths.0: must be an article address on this site: "/section/subsection/slug", lowercase, without a trailing slash',
    ],
    [
      "a former path shaped like a list page",
      { formerPaths: ["/democracia-y-politica/pagina/2"] },
      "formerPaths.0: is one of the site's own addresses, not an article's",
    ],
    [
      "a former path under /autores",
      { formerPaths: ["/autores/alex-boutilier/pagina"] },
      "formerPaths.0: is one of the site's own addresses, not an article's",
    ],
    ["an empty list of corrections", { corrections: [] }, "corrections: is an empty list: leave it out until there is a correction"],
    [
      "a correction without text",
      { updatedAt: "2020-05-27T12:00:00Z", corrections: [{ date: "2020-05-27T12:00:00Z", text: " " }] },
      "corrections.0.text: correction text is empty",
    ],
    [
      "a correction without date",
      { updatedAt: "2020-05-27T12:00:00Z", corrections: [{ text: "Se corrigió un nombre." }] },
      "corrections.0.date: is required but missing",
    ],
    [
      "a correction before publication",
      { updatedAt: "2020-05-27T12:00:00Z", corrections: [{ date: "2020-05-26T11:00:00-04:00", text: "x" }] },
      "corrections.0.date: is earlier than publishedAt",
    ],
    [
      "a correction but no update time",
      { corrections: [{ date: "2020-05-27T12:00:00Z", text: "x" }] },
      "corrections.0.date: needs an updatedAt: set updatedAt to 2020-05-27T12:00:00Z or later",
    ],
    [
      "a correction after the update time",
      { updatedAt: "2020-05-27T12:00:00Z", corrections: [{ date: "2020-05-28T08:00:00+02:00", text: "x" }] },
      "corrections.0.date: is later than updatedAt: set updatedAt to 2020-05-28T08:00:00+02:00 or later",
    ],
    [
      "corrections out of order",
      {
        updatedAt: "2020-05-29T12:00:00Z",
        corrections: [
          { date: "2020-05-28T12:00:00Z", text: "x" },
          { date: "2020-05-27T12:00:00Z", text: "y" },
        ],
      },
      "corrections.1.date: is earlier than corrections[0]: list corrections oldest first",
    ],
    [
      "a correction with an unknown field",
      { updatedAt: "2020-05-27T12:00:00Z", corrections: [{ date: "2020-05-27T12:00:00Z", text: "x", autor: "y" }] },
      'corrections.0: Unrecognized key: "autor"',
    ],
    ["the same former path twice", { formerPaths: ["/a/b/antes", "/a/b/antes"] }, "formerPaths: lists the same path twice"],
  ];
  for (const [name, changes, expected] of cases) {
    test(`rejects ${name}`, () => {
      assert.deepEqual(problems(articleSchema, articleWith(changes)), [expected]);
    });
  }

  test("rejects a lead image without alt text, or outside /images/", () => {
    const image = goodArticle().leadImage;
    assert.deepEqual(problems(articleSchema, articleWith({ leadImage: { ...image, alt: undefined } })), [
      "leadImage.alt: missing alt text",
    ]);
    assert.deepEqual(problems(articleSchema, articleWith({ leadImage: { ...image, alt: " " } })), ["leadImage.alt: missing alt text"]);
    assert.deepEqual(problems(articleSchema, articleWith({ leadImage: { ...image, src: "https://cdn.example/a.jpg" } })), [
      'leadImage.src: must be a path under /images/ ending in .jpg, .png, .webp or .avif, e.g. "/images/2020/ballot.jpg"',
    ]);
    for (const src of ["/images/2020/../../../etc/x.jpg", "/images/../x.jpg", "/images/a/./b.jpg", "/images/a//b.jpg", "/images/a/.."]) {
      assert.ok(
        problems(articleSchema, articleWith({ leadImage: { ...image, src } })).includes(
          "leadImage.src: must not contain '..', '.' or '//'",
        ),
        src,
      );
    }
  });

  test("code spans in the body are text, not HTML", () => {
    assert.deepEqual(problems(articleSchema, articleWith({ body: "Cita `</script><script>alert(1)</script>` como código." })), []);
  });
});

describe("author schema", () => {
  const author = { slug: "alex-boutilier", name: "Alex Boutilier", bio: "Reporter.", social: [{ network: "x", handle: "@alexboutilier" }] };

  test("accepts an author, with or without photo and profiles", () => {
    assert.deepEqual(problems(authorSchema, author), []);
    assert.deepEqual(problems(authorSchema, { ...author, social: undefined, photo: { src: "/images/autores/a.jpg", alt: "Retrato" } }), []);
  });

  test("rejects a handle that does not fit its network", () => {
    assert.deepEqual(problems(authorSchema, { ...author, social: [{ network: "website", handle: "gaceta.example" }] }), [
      'social.0.handle: "gaceta.example" is not a valid website handle: write an https:// URL',
    ]);
    assert.deepEqual(problems(authorSchema, { ...author, social: [{ network: "mastodon", handle: "@alex" }] }), [
      'social.0.handle: "@alex" is not a valid mastodon handle: write @user@server.example',
    ]);
    assert.deepEqual(problems(authorSchema, { ...author, social: [{ network: "myspace", handle: "@alex" }] }), [
      "social.0.network: network must be one of x, bluesky, mastodon, linkedin, instagram, website",
    ]);
  });

  test("rejects a missing bio", () => {
    assert.deepEqual(problems(authorSchema, { ...author, bio: undefined }), ["bio: is required but missing"]);
  });
});

describe("sections schema", () => {
  test("accepts a tree and rejects reserved slugs and sections without subsections", () => {
    const tree = [
      {
        slug: "economia",
        name: "Economía",
        description: "Economía.",
        subsections: [{ slug: "empleo", name: "Empleo", description: "Empleo." }],
      },
    ];
    assert.deepEqual(problems(sectionsSchema, tree), []);
    assert.deepEqual(problems(sectionsSchema, [{ ...tree[0], slug: "autores" }]), ["0.slug: is reserved for the site's own pages"]);
    // Next.js's name for the home page, which the request guard answers with the 404 page.
    assert.deepEqual(problems(sectionsSchema, [{ ...tree[0], slug: "index" }]), ["0.slug: is reserved for the site's own pages"]);
    assert.deepEqual(problems(sectionsSchema, [{ ...tree[0], subsections: [] }]), ["0.subsections: needs at least one subsection"]);
  });
});

describe("placeholders left by new-article", () => {
  const draft = () =>
    articleWith({
      status: "draft",
      standfirst: "PENDIENTE: resumen",
      authors: ["pendiente"],
      leadImage: { src: "/images/pendiente.jpg", alt: "PENDIENTE", caption: "PENDIENTE", credit: "PENDIENTE" },
    });

  test("are fine in a draft", () => {
    assert.deepEqual(problems(articleSchema, draft()), []);
  });

  test("must be filled in before publishing", () => {
    const message = "still holds a placeholder (PENDIENTE): fill it in before publishing";
    assert.deepEqual(problems(articleSchema, { ...draft(), status: "published" }), [
      `standfirst: ${message}`,
      `authors.0: ${message}`,
      `leadImage.src: ${message}`,
      `leadImage.alt: ${message}`,
      `leadImage.caption: ${message}`,
      `leadImage.credit: ${message}`,
    ]);
  });
});
