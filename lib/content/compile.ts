/**
 * Reads every content module under a content directory, validates it against the schema and
 * against the rest of the content (sections, authors, slugs, image files) and returns either the
 * compiled bundle, with the bodies and search entries of its articles, or the list of problems,
 * each with its file, field and reason. The articles compile in worker threads (./articles.ts).
 *
 * Runs in Node through tsx (scripts/check-content.ts), never inside the Next.js server.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { authorSchema, sectionsSchema, topicsSchema, withdrawalsSchema } from "../../content/schema";
import type { SearchEntry } from "../search/index";
import { readPrerenderLimits, readSiteUrl } from "../site";
import { articlePath } from "../urls";
import { checkFormerPaths, checkWithdrawals } from "./addresses";
import { compileArticleFiles, type ArticleContext } from "./articles";
import { bodiesFileName } from "./bodies";
import type { Author, ContentBundle, ImageSize, Section, Topic, Withdrawal } from "./bundle";
import { imageSizeReader } from "./images";
import { checkDuplicateSlugs, listModules, validModule, validModules } from "./modules";
import { Problems, type ContentProblem } from "./problems";

export { formatProblem, type ContentProblem } from "./problems";
export { MIN_LEAD_IMAGE_WIDTH } from "./images";

export interface CompileOptions {
  /** Where image paths such as "/images/foo.jpg" are looked up. */
  publicDir: string;
  /** File names in problems are shown relative to this directory. */
  displayRoot?: string;
  /** Article modules a worker thread compiles (./articles.ts); fewer are compiled in this thread. */
  articlesPerWorker?: number;
}

export interface CompileResult {
  bundle: ContentBundle | null;
  problems: ContentProblem[];
  /** What the search index holds of each article but drafts, newest first. */
  searchEntries: SearchEntry[];
  /** The bodies file's content, in parts (./bodies.ts). */
  bodies: Uint8Array[];
}

/** What one compile shares between its steps. */
interface Compilation {
  root: string;
  rootModules: string[];
  problems: Problems;
  imageSize: (src: string) => Promise<ImageSize | string>;
  articlesPerWorker?: number;
}

/** The one module of the content root with this name (sections.ts, topics.ts, withdrawn.ts), if any. */
const rootModule = ({ root, rootModules }: Compilation, name: string) =>
  rootModules.find((file) => path.dirname(file) === root && new RegExp(`^${name}\\.[a-z]+$`).test(path.basename(file)));

/** The section tree, flattened: each section, then its subsections, with their paths. */
async function compileSections(compilation: Compilation): Promise<Section[]> {
  const { root, problems } = compilation;
  const file = rootModule(compilation, "sections");
  if (!file) {
    problems.add(path.join(root, "sections.ts"), "(module)", "file not found: the section tree is required");
    return [];
  }
  const tree = await validModule(file, sectionsSchema, problems);
  if (!tree) return [];
  problems.checkUniqueSlugs(file, tree, "section", (index) => `[${index}]`);
  return tree.flatMap((section, index) => {
    problems.checkUniqueSlugs(file, section.subsections, "subsection", (subIndex) => `[${index}].subsections[${subIndex}]`);
    return [
      { ...section, path: section.slug, subsections: section.subsections.map((sub) => `${section.slug}/${sub.slug}`) },
      ...section.subsections.map((sub) => ({ ...sub, path: `${section.slug}/${sub.slug}`, parent: section.slug, subsections: [] })),
    ];
  });
}

/** The topics: optional, a site may file articles by section alone. */
async function compileTopics(compilation: Compilation): Promise<Topic[]> {
  const file = rootModule(compilation, "topics");
  const topics = file ? await validModule(file, topicsSchema, compilation.problems) : undefined;
  if (!file || !topics) return [];
  compilation.problems.checkUniqueSlugs(file, topics, "topic", (index) => `[${index}]`);
  return topics;
}

async function compileAuthors({ root, problems, imageSize }: Compilation): Promise<Author[]> {
  const authors: Author[] = [];
  for (const { file, data: author } of await validModules(path.join(root, "authors"), authorSchema, problems)) {
    let photo: Author["photo"];
    if (author.photo) {
      const size = await imageSize(author.photo.src);
      if (typeof size === "string") problems.add(file, "photo.src", size);
      else photo = { ...author.photo, ...size };
    }
    authors.push({ ...author, photo });
  }
  return authors;
}

/** The articles, newest first, with their lead images' sizes, descriptions and word counts. */
async function compileArticles(compilation: Compilation, context: ArticleContext) {
  const { root, problems } = compilation;
  const files = await listModules(path.join(root, "articles"));
  const chunk = await compileArticleFiles(files, context, compilation.articlesPerWorker);
  problems.list.push(...chunk.problems);
  checkDuplicateSlugs(
    chunk.articles.map(({ file, article }) => ({ file, data: article })),
    problems,
  );
  const fileAtPath = new Map(chunk.articles.map(({ file, article }) => [articlePath(article), file]));
  const formerPathsOf = chunk.articles.flatMap(({ file, article }) =>
    article.formerPaths ? [{ file, formerPaths: article.formerPaths }] : [],
  );
  const compiled = chunk.articles.sort(
    ({ article: a }, { article: b }) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.slug.localeCompare(b.slug),
  );
  return { compiled, bodies: chunk.bodies, fileAtPath, formerPathsOf };
}

/** Withdrawn articles: their addresses answer 410 Gone, so no article may be there or lead there. */
async function compileWithdrawals(compilation: Compilation, fileAtPath: Map<string, string>, claimedBy: Map<string, string>) {
  const file = rootModule(compilation, "withdrawn");
  const withdrawals: Withdrawal[] | undefined = file ? await validModule(file, withdrawalsSchema, compilation.problems) : undefined;
  if (!file || !withdrawals) return [];
  checkWithdrawals(file, withdrawals, fileAtPath, claimedBy, compilation.problems);
  return withdrawals;
}

export async function compileContent(contentDir: string, options: CompileOptions): Promise<CompileResult> {
  const root = path.resolve(contentDir);
  const problems = new Problems(options.displayRoot ?? process.cwd());
  const compilation: Compilation = {
    root,
    rootModules: await listModules(root),
    problems,
    imageSize: imageSizeReader(options.publicDir),
    articlesPerWorker: options.articlesPerWorker,
  };
  const sections = await compileSections(compilation);
  const topics = await compileTopics(compilation);
  const authors = await compileAuthors(compilation);
  const context: ArticleContext = { publicDir: options.publicDir, displayRoot: problems.displayRoot, sections, authors, topics };
  const { compiled, bodies, fileAtPath, formerPathsOf } = await compileArticles(compilation, context);
  const claimedBy = checkFormerPaths(formerPathsOf, fileAtPath, problems);
  const withdrawals = await compileWithdrawals(compilation, fileAtPath, claimedBy);
  if (problems.list.length) return { bundle: null, problems: problems.list, searchEntries: [], bodies: [] };
  const compiledAt = Date.now();
  const articles = compiled.map(({ article }) => article);
  const searchEntries = compiled.flatMap(({ search }) => (search ? [search] : []));
  return {
    bundle: {
      compiledAt,
      prerender: readPrerenderLimits(),
      siteUrl: readSiteUrl().origin,
      sections,
      topics,
      authors,
      articles,
      withdrawals,
      bodiesFile: bodiesFileName(compiledAt),
    },
    problems: problems.list,
    searchEntries,
    bodies,
  };
}

/** Writes a file atomically, so a running server never reads half of it. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
