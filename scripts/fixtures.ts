/**
 * `npm run fixtures -- --out <dir> --articles <N> [--seed <n>]`: writes a valid content tree of N
 * generated articles (varied sections, topics, authors, dates, lengths and languages, some drafts
 * and some scheduled) for tests and benchmarks. Point CONTENT_DIR at it to build the site from it.
 * Generated articles never go into content/.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ArticleModule, AuthorModule, SectionsModule, TopicsModule } from "../content/schema";
import { slugify } from "../content/slug";
import { failUsage, readCommandLine, wholeNumber } from "./command-line";

/** A lead image that ships with the site, so generated articles pass the image checks. */
export const FIXTURE_IMAGE = "/images/2020/05/ballot-box-shield-network.jpg";

const SECTION_TREE: [string, string, [string, string][]][] = [
  [
    "democracia-y-politica",
    "Democracia y Política",
    [
      ["elecciones", "Elecciones"],
      ["gobierno", "Gobierno"],
      ["parlamentos", "Parlamentos"],
    ],
  ],
  [
    "economia",
    "Economía",
    [
      ["empleo", "Empleo"],
      ["mercados", "Mercados"],
      ["vivienda", "Vivienda"],
    ],
  ],
  [
    "internacional",
    "Internacional",
    [
      ["america-latina", "América Latina"],
      ["europa", "Europa"],
      ["asia", "Asia"],
    ],
  ],
  [
    "sociedad",
    "Sociedad",
    [
      ["educacion", "Educación"],
      ["salud", "Salud"],
      ["migracion", "Migración"],
    ],
  ],
  [
    "tecnologia",
    "Tecnología",
    [
      ["ciberseguridad", "Ciberseguridad"],
      ["desinformacion", "Desinformación"],
    ],
  ],
  [
    "cultura",
    "Cultura",
    [
      ["libros", "Libros"],
      ["cine", "Cine"],
    ],
  ],
];

const TOPICS: [string, string][] = [
  ["injerencia-extranjera", "Injerencia extranjera"],
  ["desinformacion", "Desinformación"],
  ["transparencia", "Transparencia"],
  ["financiacion-politica", "Financiación política"],
  ["reforma-electoral", "Reforma electoral"],
  ["corrupcion", "Corrupción"],
  ["union-europea", "Unión Europea"],
  ["mexico", "México"],
  ["argentina", "Argentina"],
  ["canada", "Canadá"],
  ["inteligencia-artificial", "Inteligencia artificial"],
  ["clima", "Clima"],
];

const FIRST_NAMES = [
  "Lucía",
  "Mateo",
  "Valentina",
  "Santiago",
  "Camila",
  "Diego",
  "Sofía",
  "Javier",
  "Martina",
  "Andrés",
  "Elena",
  "Tomás",
  "Paula",
  "Nicolás",
];
const LAST_NAMES = [
  "García",
  "Fernández",
  "López",
  "Martínez",
  "Rodríguez",
  "Sánchez",
  "Pérez",
  "Gómez",
  "Díaz",
  "Romero",
  "Navarro",
  "Torres",
  "Ruiz",
  "Vargas",
];

const SUBJECTS = [
  "El Gobierno",
  "La comisión electoral",
  "El Parlamento",
  "Un grupo de expertos",
  "La oposición",
  "El tribunal",
  "La alcaldía",
  "Los sindicatos",
  "Las organizaciones civiles",
  "El banco central",
];
const VERBS = ["anunció", "presentó", "rechazó", "aprobó", "cuestionó", "defendió", "revisará", "publicó", "investiga", "propuso"];
const OBJECTS = [
  "un nuevo plan de transparencia",
  "la reforma del sistema de votación",
  "un informe sobre desinformación",
  "el presupuesto para el próximo año",
  "las normas de financiación de campañas",
  "una auditoría independiente",
  "medidas contra la injerencia extranjera",
  "un acuerdo de cooperación regional",
  "los resultados preliminares",
  "un registro público de lobistas",
];
const CLAUSES = [
  "tras meses de negociaciones",
  "según fuentes oficiales",
  "en una sesión extraordinaria",
  "ante la presión de la ciudadanía",
  "con el apoyo de varios partidos",
  "pese a las críticas de la oposición",
  "a pocas semanas de los comicios",
  "después de una larga investigación",
  "en un contexto de creciente polarización",
  "con plazos todavía por definir",
];

/** A small, seeded random generator, so a seed always gives the same tree. */
export function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return { next, pick, between };
}

type Random = ReturnType<typeof random>;

const sentence = (rng: Random) => `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(CLAUSES)}.`;

function body(rng: Random, paragraphs: number): string {
  const blocks: string[] = [];
  for (let index = 0; index < paragraphs; index++) {
    const text = Array.from({ length: rng.between(2, 5) }, () => sentence(rng)).join(" ");
    const shape = rng.next();
    if (index > 2 && shape < 0.08) blocks.push(`## ${rng.pick(OBJECTS).replace(/^./, (c) => c.toUpperCase())}`);
    if (index > 0 && shape > 0.92) blocks.push(`> “${sentence(rng)}” dijo una portavoz.`);
    else if (index > 1 && shape > 0.86) blocks.push(`- ${rng.pick(OBJECTS)}\n- ${rng.pick(OBJECTS)}\n- ${rng.pick(OBJECTS)}`);
    else if (shape < 0.15)
      blocks.push(`${text} Más detalles en el [informe oficial](https://www.example.org/informe-${index}), con *datos abiertos*.`);
    else blocks.push(text);
  }
  return blocks.join("\n\n");
}

export interface FixtureAuthor {
  slug: string;
  name: string;
}

export interface ArticleOptions {
  index: number;
  rng: Random;
  now: number;
  /** "section/subsection" paths to choose from. */
  sections: string[];
  authors: FixtureAuthor[];
  /** Topic slugs to file articles under (one to three each); none when left out. */
  topics?: string[];
}

/** One generated article module. About 4% are drafts and 1% are scheduled for the coming days. */
export function generateArticle({ index, rng, now, sections, authors, topics = [] }: ArticleOptions): ArticleModule {
  const kind = rng.next();
  const status = kind < 0.04 ? "draft" : "published";
  const day = 24 * 3600 * 1000;
  // Newest articles first: a handful within the last two days, the rest spread over three years.
  const ageMs = index < 5 ? index * 3 * 3600 * 1000 + 600_000 : rng.next() * 3 * 365 * day;
  const scheduled = status === "published" && kind > 0.99;
  const published = new Date(scheduled ? now + rng.between(1, 10) * day : now - ageMs);
  published.setUTCSeconds(0, 0);
  const headline = `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(CLAUSES)}`.slice(0, 100);
  const slug = `${slugify(headline).slice(0, 60).replace(/-$/, "")}-${index + 1}`;
  const language = rng.next() < 0.9 ? "es" : rng.pick(["en", "pt"]);
  const coAuthor = rng.next() < 0.15;
  const author = rng.pick(authors);
  const article: ArticleModule = {
    slug,
    status,
    headline,
    section: rng.pick(sections),
    authors: coAuthor ? [...new Set([author.slug, rng.pick(authors).slug])] : [author.slug],
    publishedAt: published.toISOString().replace(".000Z", "Z"),
    language,
    dateline: rng.pick(["MADRID", "BOGOTÁ", "CIUDAD DE MÉXICO", "BUENOS AIRES", "SANTIAGO", "LIMA", "OTTAWA"]),
    leadImage: {
      src: FIXTURE_IMAGE,
      alt: "Ilustración: una urna electoral detrás de un escudo, sobre una red de puntos conectados.",
      caption: `Imagen de archivo para el artículo ${index + 1}.`,
      credit: "Ilustración: Gaceta",
    },
    body: body(rng, rng.between(3, 30)),
  };
  if (rng.next() < 0.6) article.standfirst = sentence(rng);
  if (!scheduled && rng.next() < 0.2) {
    article.updatedAt = new Date(Math.min(now, published.getTime() + rng.between(1, 48) * 3600 * 1000)).toISOString();
  }
  if (rng.next() < 0.1) article.source = { name: "Agencia de Noticias", url: `https://www.example.org/noticias/${slug}` };
  if (topics.length) article.topics = [...new Set(Array.from({ length: rng.between(1, 3) }, () => rng.pick(topics)))];
  return article;
}

export function generateAuthors(count: number, rng: Random): AuthorModule[] {
  const seen = new Set<string>();
  const authors: AuthorModule[] = [];
  while (authors.length < count) {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const slug = slugify(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    authors.push({
      slug,
      name,
      bio: `${name} cubre política y sociedad para Gaceta desde ${rng.between(2008, 2024)}.`,
      social: rng.next() < 0.7 ? [{ network: "x", handle: `@${slug.replace(/-/g, "")}` }] : [],
    });
  }
  return authors;
}

export const generateSections = (): SectionsModule =>
  SECTION_TREE.map(([slug, name, subsections]) => ({
    slug,
    name,
    description: `Noticias y análisis de ${name.toLowerCase()}.`,
    subsections: subsections.map(([subSlug, subName]) => ({
      slug: subSlug,
      name: subName,
      description: `Cobertura de ${subName.toLowerCase()}.`,
    })),
  }));

export const generateTopics = (): TopicsModule =>
  TOPICS.map(([slug, name]) => ({ slug, name, description: `Todo sobre ${name.toLowerCase()}, de una sección a otra.` }));

export const moduleSource = (value: unknown) => `export default ${JSON.stringify(value, null, 2)};\n`;

/** Files written at once: enough to keep the disk busy, far below any limit on open files. */
export const WRITES_AT_ONCE = 64;

/** Runs `work` on every item, never more than `limit` at once. */
export async function forEachAtMost<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Writes a module per article, grouped in folders by year as an editor might, WRITES_AT_ONCE at
 * a time: started all at once, 100,000 writes ran out of file descriptors (EMFILE).
 */
export async function writeArticles(dir: string, articles: ArticleModule[]) {
  const folderOf = (article: ArticleModule) => path.join(dir, "articles", article.publishedAt.slice(0, 4));
  for (const folder of new Set(articles.map(folderOf))) await mkdir(folder, { recursive: true });
  await forEachAtMost(articles, WRITES_AT_ONCE, (article) =>
    writeFile(path.join(folderOf(article), `${article.slug}.ts`), moduleSource(article)),
  );
}

export interface FixtureTreeOptions {
  out: string;
  articles: number;
  seed?: number;
  now?: number;
}

export async function writeFixtureTree({ out, articles: count, seed = 1, now = Date.now() }: FixtureTreeOptions) {
  const rng = random(seed);
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, "authors"), { recursive: true });
  const sections = generateSections();
  const authors = generateAuthors(Math.min(40, Math.max(3, Math.ceil(count / 50))), rng);
  const topics = generateTopics();
  await writeFile(path.join(out, "sections.ts"), moduleSource(sections));
  await writeFile(path.join(out, "topics.ts"), moduleSource(topics));
  await forEachAtMost(authors, WRITES_AT_ONCE, (author) => writeFile(path.join(out, "authors", `${author.slug}.ts`), moduleSource(author)));
  const sectionPaths = sections.flatMap((section) => section.subsections.map((sub) => `${section.slug}/${sub.slug}`));
  const articles = Array.from({ length: count }, (_, index) =>
    generateArticle({
      index,
      rng,
      now,
      sections: sectionPaths,
      authors: authors.map(({ slug, name }) => ({ slug, name })),
      topics: topics.map((topic) => topic.slug),
    }),
  );
  await writeArticles(out, articles);
  return { sections: sectionPaths.length, topics: topics.length, authors: authors.length, articles };
}

const HELP = `usage: npm run fixtures -- --out <dir> [--articles N] [--seed n]

Writes a content tree of generated articles, authors, sections and topics, with drafts and
scheduled articles among them, for benchmarks and tests.

  --out DIR     where to write it (required)
  --articles N  how many articles (default 100)
  --seed n      the seed of the generator, for the same tree again (default 1)`;

async function main() {
  const { values: flags } = readCommandLine({
    help: HELP,
    options: { out: { type: "string" }, articles: { type: "string" }, seed: { type: "string" } },
  });
  const out = flags.out ?? failUsage("--out is required", HELP);
  const articles = wholeNumber(flags.articles, 100, "articles", HELP);
  const seed = wholeNumber(flags.seed, 1, "seed", HELP, 0);
  const result = await writeFixtureTree({ out: path.resolve(out), articles, seed });
  const drafts = result.articles.filter((article) => article.status === "draft").length;
  const scheduled = result.articles.filter(
    (article) => article.status === "published" && Date.parse(article.publishedAt) > Date.now(),
  ).length;
  console.log(
    `✓ wrote ${articles} articles (${drafts} drafts, ${scheduled} scheduled), ${result.authors} authors, ` +
      `${result.sections} subsections and ${result.topics} topics to ${path.resolve(out)}\n  build with: CONTENT_DIR=${out} npm run build`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
