/**
 * Compiling the articles, a chunk of files at a time: each module loaded, checked against the
 * schema and against the rest of the content (sections, authors, topics, its lead image), and
 * given its derived fields and what the search index keeps of it.
 *
 * An archive's chunks each run in a worker thread of their own (./article-chunk.worker.ts), as many
 * at once as there are cores: reading the Markdown of 100,000 bodies is most of a compile's time.
 * Each thread ends with its chunk, and what it held goes with it.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { countWords, markdownToPlainText, truncateAtWord } from "../../content/markdown";
import { PLACEHOLDER_AUTHOR } from "../../content/placeholders";
import { articleSchema } from "../../content/schema";
import { searchEntryOf, type SearchEntry } from "../search/index";
import { bodyPlaces, type BodyPlace } from "./bodies";
import type { Article, ImageSize } from "./bundle";
import { MIN_LEAD_IMAGE_WIDTH, imageSizeReader } from "./images";
import { parseModules } from "./modules";
import { Problems, type ContentProblem } from "./problems";

/** What articles may refer to, and the names the search index reads them by. */
export interface ArticleContext {
  publicDir: string;
  displayRoot: string;
  /** Section and subsection paths with their names; articles are filed in subsections only. */
  sections: { path: string; name: string; parent?: string }[];
  authors: { slug: string; name: string }[];
  topics: { slug: string; name: string }[];
}

export interface CompiledArticle {
  file: string;
  /** Its body's place is in `bodies` of the chunk it came with. */
  article: Article;
  /** What the search index keeps of it; none for drafts. */
  search?: SearchEntry;
}

export interface ArticleChunk {
  problems: ContentProblem[];
  articles: CompiledArticle[];
  /**
   * The bodies, one after another, as bytes: outside the memory the collector walks, which an
   * archive's bodies would slow as strings.
   */
  bodies: Uint8Array[];
}

const DESCRIPTION_LENGTH = 160;

/** Files a worker thread compiles before it ends and frees what its modules took. */
export const ARTICLES_PER_WORKER = 5000;

/** What articles may refer to: subsections, authors and topics, by path or slug. */
function knownReferences(context: ArticleContext) {
  return {
    subsections: new Set(context.sections.filter((section) => section.parent).map((section) => section.path)),
    authors: new Set(context.authors.map((author) => author.slug)),
    topics: new Set(context.topics.map((topic) => topic.slug)),
  };
}

/** An article's references to sections, authors and topics that do not exist. */
function checkReferences(
  file: string,
  article: Pick<Article, "section" | "authors" | "topics">,
  known: ReturnType<typeof knownReferences>,
  problems: Problems,
) {
  if (!known.subsections.has(article.section)) {
    problems.add(file, "section", `unknown section "${article.section}": it is not a section/subsection in sections.ts`);
  }
  article.authors.forEach((slug, index) => {
    // Drafts may still name no author (see placeholders.ts); the schema refuses that once published.
    if (!known.authors.has(slug) && slug !== PLACEHOLDER_AUTHOR)
      problems.add(file, `authors[${index}]`, `unknown author "${slug}": no authors/${slug}.ts`);
  });
  article.topics?.forEach((slug, index) => {
    if (!known.topics.has(slug)) problems.add(file, `topics[${index}]`, `unknown topic "${slug}": it is not in topics.ts`);
  });
}

/** The names an article's search entry carries: its byline's, its section's and parent's, its topics'. */
function searchNames(context: ArticleContext) {
  const sectionName = new Map(context.sections.map((section) => [section.path, section.name]));
  const authorName = new Map(context.authors.map((author) => [author.slug, author.name]));
  const topicName = new Map(context.topics.map((topic) => [topic.slug, topic.name]));
  return (article: Pick<Article, "section" | "authors" | "topics">) => ({
    byline: article.authors.map((slug) => authorName.get(slug) ?? "").join(", "),
    section: [article.section.split("/")[0]!, article.section].map((path) => sectionName.get(path) ?? "").join(" "),
    topics: (article.topics ?? []).map((slug) => topicName.get(slug) ?? "").join(" "),
  });
}

/** The problem with a lead image's size, if it has one. */
const leadImageProblem = (size: ImageSize | string) =>
  typeof size === "string"
    ? size
    : size.width < MIN_LEAD_IMAGE_WIDTH
      ? `image is ${size.width} px wide; lead images need at least ${MIN_LEAD_IMAGE_WIDTH} px`
      : undefined;

/** Compiles these article modules in this thread. */
export async function compileArticleChunk(files: string[], context: ArticleContext): Promise<ArticleChunk> {
  const problems = new Problems(context.displayRoot);
  const imageSize = imageSizeReader(context.publicDir);
  const namesOf = searchNames(context);
  const known = knownReferences(context);
  const articles: CompiledArticle[] = [];
  const bodies: string[] = [];
  for (const { file, data } of await parseModules(files, articleSchema, problems)) {
    checkReferences(file, data, known, problems);
    const size = await imageSize(data.leadImage.src);
    const imageProblem = leadImageProblem(size);
    if (imageProblem) problems.add(file, "leadImage.src", imageProblem);
    if (typeof size === "string") continue;
    const { body, ...fields } = data;
    const text = markdownToPlainText(body);
    const description = fields.standfirst ?? truncateAtWord(text, DESCRIPTION_LENGTH);
    const article = {
      ...fields,
      leadImage: { ...fields.leadImage, ...size },
      bodyAt: [0, 0] as BodyPlace,
      description,
      wordCount: countWords(text),
    };
    bodies.push(body);
    const search =
      article.status === "draft"
        ? undefined
        : searchEntryOf({ id: article.slug, headline: article.headline, standfirst: article.standfirst ?? "", text, ...namesOf(article) });
    articles.push({ file, article, search });
  }
  bodyPlaces(bodies).forEach((place, index) => (articles[index]!.article.bodyAt = place));
  return { problems: problems.list, articles, bodies: [Buffer.from(bodies.join(""))] };
}

/**
 * The worker's first lines: a worker thread does not inherit the module hooks that let this one
 * load TypeScript, so it registers tsx's (for ES modules, as the site's are, and for CommonJS, as a
 * content module's `require` of a TypeScript file is), then loads the worker module.
 */
const WORKER_SOURCE = `Promise.all([${JSON.stringify(import.meta.resolve("tsx/cjs/api"))}, ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}].map((api) => import(api)))
  .then((apis) => { for (const { register } of apis) register(); return import(${JSON.stringify(import.meta.resolve("./article-chunk.worker.ts"))}); })`;

/** Compiles one chunk in a worker thread of its own. */
function compileInWorker(files: string[], context: ArticleContext): Promise<ArticleChunk> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files, context } });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the worker compiling ${files[0]} and on stopped (exit code ${code})`)));
  });
}

/**
 * Compiles every article module, in file order: in this thread when they make one chunk, else a
 * chunk per worker thread, as many at once as there are cores.
 */
export async function compileArticleFiles(
  files: string[],
  context: ArticleContext,
  perWorker = ARTICLES_PER_WORKER,
): Promise<ArticleChunk> {
  if (files.length <= perWorker) return compileArticleChunk(files, context);
  const chunks: string[][] = [];
  for (let start = 0; start < files.length; start += perWorker) chunks.push(files.slice(start, start + perWorker));
  const results: ArticleChunk[] = new Array(chunks.length);
  let next = 0;
  const runChunks = async () => {
    while (next < chunks.length) {
      const index = next++;
      results[index] = await compileInWorker(chunks[index]!, context);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), chunks.length) }, runChunks));
  return joinChunks(results);
}

/** The chunks as one, each body's place counted from the start of the first chunk's bodies. */
function joinChunks(chunks: ArticleChunk[]): ArticleChunk {
  let base = 0;
  for (const chunk of chunks) {
    for (const { article } of chunk.articles) article.bodyAt = [article.bodyAt[0] + base, article.bodyAt[1] + base];
    base += chunk.bodies.reduce((bytes, bodies) => bytes + bodies.byteLength, 0);
  }
  return {
    problems: chunks.flatMap((chunk) => chunk.problems),
    articles: chunks.flatMap((chunk) => chunk.articles),
    bodies: chunks.flatMap((chunk) => chunk.bodies),
  };
}
