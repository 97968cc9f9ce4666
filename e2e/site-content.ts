/**
 * The content the Playwright tests run against: the real content plus fixtures that only tests
 * need (a draft, a scheduled article, an article whose headline tries to break out of JSON-LD, a
 * moved one, a corrected one, a withdrawn address, and enough articles to paginate). What the
 * tests need to know about the fixtures is written beside it, to fixtures.json.
 */
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleModule, AuthorModule } from "../content/schema";
import topics from "../content/topics";
import { site } from "../lib/site";
import { authorPath } from "../lib/urls";
import { FIXTURE_IMAGE, generateArticle, moduleSource, random } from "../scripts/fixtures";
import type { E2EFixtures } from "./support";

export const E2E_PREVIEW_SECRET = "e2e-preview-secret-0123456789abcdef";

const SECTION = "democracia-y-politica/elecciones";
const AUTHOR = "alex-boutilier";
/** One of the sample article's topics; every fixture is filed under it too, so that it paginates. */
const TOPIC = "desinformacion";
/** A topic no article is filed under: it has a page, but no list links it. */
const UNUSED_TOPIC = { slug: "tema-sin-articulos", name: "Tema sin artículos", description: "Todavía nada." };
/** Co-signs exactly one page of public articles and the scheduled one, whose time opens her page 2. */
const COAUTHOR: AuthorModule = {
  slug: "autora-de-prueba",
  name: "Autora de Prueba",
  bio: "Firma con Alex Boutilier los artículos de prueba.",
  social: [],
};

function fixture(slug: string, fields: Partial<ArticleModule>): ArticleModule {
  return {
    slug,
    status: "published",
    headline: slug,
    section: SECTION,
    authors: [AUTHOR],
    topics: [TOPIC],
    publishedAt: new Date().toISOString(),
    language: "es",
    leadImage: { src: FIXTURE_IMAGE, alt: "Ilustración de prueba", caption: "Pie de foto de prueba.", credit: "Ilustración: Gaceta" },
    body: "Texto de prueba.",
    ...fields,
  };
}

/** Co-signs the article whose text tries to break out of every format it reaches. */
const HOSTILE_AUTHOR: AuthorModule = {
  slug: "autora-hostil",
  name: 'Ana "</script><b>Hostil</b>" & Cía',
  bio: "Firma con <em>etiquetas</em> y </script><script>alert(1)</script> en la biografía.",
  social: [],
};
export const HOSTILE_CAPTION = 'Pie con <img src=x onerror=alert(1)> & "comillas" ]]> </figcaption>';

const WITHDRAWN = {
  path: "/democracia-y-politica/elecciones/articulo-retirado-de-prueba",
  withdrawnAt: "2026-11-20T09:30:00+01:00",
  reason: "Gaceta retiró este artículo por orden judicial.",
};

/** Lead images of their own for the draft and the scheduled article, copies of FIXTURE_IMAGE. */
export const PRIVATE_IMAGES = { draft: "/images/e2e/borrador.jpg", scheduled: "/images/e2e/programado.jpg" };

/** Puts the fixtures' own images into the public folder of the project they are built in. */
export async function copyFixtureImages(tree: string) {
  for (const image of Object.values(PRIVATE_IMAGES)) {
    await mkdir(path.dirname(path.join(tree, "public", image)), { recursive: true });
    await cp(path.join(tree, "public", FIXTURE_IMAGE), path.join(tree, "public", image));
  }
}

export interface FixtureSiteOptions {
  /** Where the content and fixtures.json go; emptied first. */
  dir: string;
  siteUrl: string;
  /** The scheduled fixture's publication time (ms). */
  scheduledAt: number;
}

/** Writes `dir`/content and `dir`/fixtures.json; returns what fixtures.json holds. */
export async function writeFixtureSite({ dir, siteUrl, scheduledAt }: FixtureSiteOptions): Promise<E2EFixtures> {
  const CONTENT = path.join(dir, "content");
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(CONTENT, "articles", "e2e"), { recursive: true });
  for (const part of ["sections.ts", "authors", "articles"])
    await cp(path.join("content", part), path.join(CONTENT, part), { recursive: true });
  await writeFile(path.join(CONTENT, "topics.ts"), moduleSource([...topics, UNUSED_TOPIC]));

  const now = Date.now();
  const draft = fixture("borrador-secreto-de-prueba", {
    status: "draft",
    formerPaths: ["/democracia-y-politica/elecciones/borrador-con-direccion-antigua"],
    headline: "Borrador secreto de prueba",
    publishedAt: new Date(now - 3600_000).toISOString(),
    body: "Este párrafo es TEXTO-DE-BORRADOR-E2E y no debe aparecer en ninguna página pública.",
    leadImage: { src: PRIVATE_IMAGES.draft, alt: "Ilustración del borrador", caption: "Pie del borrador.", credit: "Ilustración: Gaceta" },
  });
  const scheduled = fixture("articulo-programado-de-prueba", {
    headline: "Artículo programado de prueba",
    publishedAt: new Date(Math.ceil(scheduledAt / 1000) * 1000).toISOString(),
    formerPaths: ["/democracia-y-politica/elecciones/programado-con-direccion-antigua"],
    authors: [AUTHOR, COAUTHOR.slug],
    // "Carvajal": a name only this embargoed article has, one letter from a public one's "Carbajal".
    body: "Este párrafo es TEXTO-PROGRAMADO-E2E y solo aparece cuando llega su hora. La ministra Carvajal dimite.",
    leadImage: {
      src: PRIVATE_IMAGES.scheduled,
      alt: "Ilustración del programado",
      caption: "Pie del programado.",
      credit: "Ilustración: Gaceta",
    },
  });
  const injection = "</script><script>alert(1)</script>";
  const xss = fixture("titular-con-codigo-incrustado", {
    headline: `Titular con ${injection} incrustado`,
    standfirst: `Entradilla con ${injection} y <b>etiquetas</b>.`,
    authors: [AUTHOR, HOSTILE_AUTHOR.slug],
    leadImage: { src: FIXTURE_IMAGE, alt: "Ilustración de prueba", caption: HOSTILE_CAPTION, credit: "Ilustración: <i>Gaceta</i>" },
    publishedAt: new Date(now - 2 * 3600_000).toISOString(),
    body: `Un párrafo que cita \`${injection}\` como código.`,
  });
  // Moved from a section that no longer exists, and renamed since.
  const moved = fixture("articulo-trasladado-de-prueba", {
    headline: "Artículo trasladado de prueba",
    publishedAt: new Date(now - 3 * 3600_000).toISOString(),
    formerPaths: ["/politica/nacional/articulo-trasladado-de-prueba", "/democracia-y-politica/elecciones/titular-antiguo-de-prueba"],
  });
  const corrected = fixture("articulo-corregido-de-prueba", {
    headline: "Artículo corregido de prueba",
    publishedAt: new Date(now - 2.5 * 3600_000).toISOString(),
    updatedAt: new Date(now - 3600_000).toISOString(),
    corrections: [
      { date: new Date(now - 2 * 3600_000).toISOString(), text: "Una versión anterior situaba la votación en martes; fue el miércoles." },
      { date: new Date(now - 3600_000).toISOString(), text: "Se corrigió el nombre de la comisión electoral." },
    ],
  });
  // Older than every filler, but shares two topics with the sample where they share one.
  const related = fixture("articulo-relacionado-de-prueba", {
    headline: "Artículo relacionado de prueba",
    publishedAt: new Date(now - 30 * 3600_000).toISOString(),
    topics: ["injerencia-extranjera", "canada"],
    body: "Texto de prueba. La ministra Carbajal responde.",
  });
  // Years old, so the build does not prerender it, and requested by archive.spec.ts alone.
  // Its headline has none of the words the search tests look for.
  const archived = fixture("cronica-de-archivo", {
    headline: "Crónica guardada en el archivo",
    publishedAt: "2019-03-01T10:00:00+01:00",
    topics: undefined,
    body: "Un texto de hace años que nadie ha pedido todavía.",
  });
  // Enough articles in the sample's section and by its author for a second page of each.
  const rng = random(7);
  const filler = Array.from({ length: 24 }, (_, index) => ({
    ...generateArticle({ index, rng, now, sections: [SECTION], authors: [{ slug: AUTHOR, name: "Alex Boutilier" }] }),
    status: "published" as const,
    publishedAt: new Date(now - (index + 3) * 3600_000).toISOString(),
    updatedAt: undefined,
    authors: index < site.pageSize ? [AUTHOR, COAUTHOR.slug] : [AUTHOR],
    topics: [TOPIC],
  }));
  await writeFile(path.join(CONTENT, "authors", `${COAUTHOR.slug}.ts`), moduleSource(COAUTHOR));
  await writeFile(path.join(CONTENT, "authors", `${HOSTILE_AUTHOR.slug}.ts`), moduleSource(HOSTILE_AUTHOR));
  await writeFile(path.join(CONTENT, "withdrawn.ts"), `export default ${JSON.stringify([WITHDRAWN], null, 2)};\n`);
  for (const article of [draft, scheduled, xss, moved, corrected, related, archived, ...filler]) {
    await writeFile(path.join(CONTENT, "articles", "e2e", `${article.slug}.ts`), moduleSource(article));
  }
  const pathOf = (article: ArticleModule) => `/${article.section}/${article.slug}`;
  const fixtures: E2EFixtures = {
    siteUrl,
    previewSecret: E2E_PREVIEW_SECRET,
    draft: {
      slug: draft.slug,
      path: pathOf(draft),
      text: "TEXTO-DE-BORRADOR-E2E",
      headline: draft.headline,
      formerPath: draft.formerPaths![0]!,
      image: PRIVATE_IMAGES.draft,
    },
    scheduled: {
      slug: scheduled.slug,
      path: pathOf(scheduled),
      text: "TEXTO-PROGRAMADO-E2E",
      headline: scheduled.headline,
      publishedAt: scheduled.publishedAt,
      formerPath: scheduled.formerPaths![0]!,
      opensListPage: authorPath(COAUTHOR.slug, 2),
      image: PRIVATE_IMAGES.scheduled,
    },
    moved: { slug: moved.slug, path: pathOf(moved), headline: moved.headline, formerPaths: moved.formerPaths! },
    xss: {
      slug: xss.slug,
      path: pathOf(xss),
      headline: xss.headline,
      standfirst: xss.standfirst!,
      caption: HOSTILE_CAPTION,
      author: HOSTILE_AUTHOR.name,
    },
    corrected: { slug: corrected.slug, path: pathOf(corrected), headline: corrected.headline, corrections: corrected.corrections! },
    related: { slug: related.slug, path: pathOf(related), headline: related.headline },
    archived: { slug: archived.slug, path: pathOf(archived), headline: archived.headline },
    filler: filler.map((article) => ({ slug: article.slug, path: pathOf(article) })),
    withdrawn: WITHDRAWN,
    unusedTopic: UNUSED_TOPIC.slug,
  };
  await writeFile(path.join(dir, "fixtures.json"), JSON.stringify(fixtures, null, 2));
  return fixtures;
}
