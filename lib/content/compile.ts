/**
 * Reads every content module under a content directory, validates it against the schema and
 * against the rest of the content (sections, authors, slugs, image files) and returns either the
 * compiled bundle or the list of problems, each with its file, field and reason.
 *
 * Runs in Node through tsx (scripts/check-content.ts), never inside the Next.js server.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { countWords, markdownToPlainText, truncateAtWord } from "../../content/markdown";
import { PLACEHOLDER_AUTHOR } from "../../content/placeholders";
import { articleSchema, authorSchema, sectionsSchema, topicsSchema, withdrawalsSchema } from "../../content/schema";
import type { SearchDocument } from "../search/index";
import { articlePath } from "../urls";
import { checkFormerPaths, checkWithdrawals } from "./addresses";
import type { Article, Author, ContentBundle, ImageSize, Section, Topic, Withdrawal } from "./bundle";
import { MIN_LEAD_IMAGE_WIDTH, imageSizeReader } from "./images";
import { listModules, validModule, validModules } from "./modules";
import { Problems, type ContentProblem } from "./problems";

export { formatProblem, type ContentProblem } from "./problems";
export { MIN_LEAD_IMAGE_WIDTH } from "./images";

export interface CompileOptions {
  /** Where image paths such as "/images/foo.jpg" are looked up. */
  publicDir: string;
  /** File names in problems are shown relative to this directory. */
  displayRoot?: string;
}

export interface CompileResult {
  bundle: ContentBundle | null;
  problems: ContentProblem[];
  /** What the search index holds of each article but drafts, newest first. */
  searchDocuments: SearchDocument[];
}

const DESCRIPTION_LENGTH = 160;

/** What one compile shares between its steps. */
interface Compilation {
  root: string;
  rootModules: string[];
  problems: Problems;
  imageSize: (src: string) => Promise<ImageSize | string>;
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

/** What articles may refer to: subsections, authors and topics, by slug or path. */
interface Known {
  subsections: Set<string>;
  authors: Set<string>;
  topics: Set<string>;
}

/** An article's references to sections, authors and topics that do not exist. */
function checkReferences(file: string, article: Pick<Article, "section" | "authors" | "topics">, known: Known, problems: Problems) {
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

/** The articles, newest first, with their lead images' sizes, descriptions and word counts. */
async function compileArticles(compilation: Compilation, known: Known) {
  const { root, problems, imageSize } = compilation;
  const articles: Article[] = [];
  const bodyText = new Map<string, string>();
  const fileAtPath = new Map<string, string>();
  const formerPathsOf: { file: string; formerPaths: string[] }[] = [];
  for (const { file, data: article } of await validModules(path.join(root, "articles"), articleSchema, problems)) {
    fileAtPath.set(articlePath(article), file);
    if (article.formerPaths) formerPathsOf.push({ file, formerPaths: article.formerPaths });
    checkReferences(file, article, known, problems);
    const size = await imageSize(article.leadImage.src);
    if (typeof size === "string") {
      problems.add(file, "leadImage.src", size);
      continue;
    }
    if (size.width < MIN_LEAD_IMAGE_WIDTH) {
      problems.add(file, "leadImage.src", `image is ${size.width} px wide; lead images need at least ${MIN_LEAD_IMAGE_WIDTH} px`);
    }
    const text = markdownToPlainText(article.body);
    bodyText.set(article.slug, text);
    const description = article.standfirst ?? truncateAtWord(text, DESCRIPTION_LENGTH);
    articles.push({ ...article, leadImage: { ...article.leadImage, ...size }, description, wordCount: countWords(text) });
  }
  articles.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.slug.localeCompare(b.slug));
  return { articles, bodyText, fileAtPath, formerPathsOf };
}

/** Withdrawn articles: their addresses answer 410 Gone, so no article may be there or lead there. */
async function compileWithdrawals(compilation: Compilation, fileAtPath: Map<string, string>, claimedBy: Map<string, string>) {
  const file = rootModule(compilation, "withdrawn");
  const withdrawals: Withdrawal[] | undefined = file ? await validModule(file, withdrawalsSchema, compilation.problems) : undefined;
  if (!file || !withdrawals) return [];
  checkWithdrawals(file, withdrawals, fileAtPath, claimedBy, compilation.problems);
  return withdrawals;
}

/** What the search index holds of each article but drafts: its words, and its byline's, section's and topics' names. */
function searchDocumentsOf(bundle: Omit<ContentBundle, "compiledAt">, bodyText: Map<string, string>): SearchDocument[] {
  const sectionNames = new Map(bundle.sections.map((section) => [section.path, section.name]));
  const authorNames = new Map(bundle.authors.map((author) => [author.slug, author.name]));
  const topicNames = new Map(bundle.topics.map((topic) => [topic.slug, topic.name]));
  return bundle.articles
    .filter((article) => article.status !== "draft")
    .map((article) => ({
      id: article.slug,
      headline: article.headline,
      standfirst: article.standfirst ?? "",
      text: bodyText.get(article.slug) ?? "",
      byline: article.authors.map((slug) => authorNames.get(slug) ?? "").join(", "),
      section: [article.section.split("/")[0]!, article.section].map((path) => sectionNames.get(path) ?? "").join(" "),
      topics: (article.topics ?? []).map((slug) => topicNames.get(slug) ?? "").join(" "),
    }));
}

export async function compileContent(contentDir: string, options: CompileOptions): Promise<CompileResult> {
  const root = path.resolve(contentDir);
  const problems = new Problems(options.displayRoot ?? process.cwd());
  const compilation: Compilation = { root, rootModules: await listModules(root), problems, imageSize: imageSizeReader(options.publicDir) };
  const sections = await compileSections(compilation);
  const topics = await compileTopics(compilation);
  const authors = await compileAuthors(compilation);
  const known: Known = {
    subsections: new Set(sections.filter((section) => section.parent).map((section) => section.path)),
    authors: new Set(authors.map((author) => author.slug)),
    topics: new Set(topics.map((topic) => topic.slug)),
  };
  const { articles, bodyText, fileAtPath, formerPathsOf } = await compileArticles(compilation, known);
  const claimedBy = checkFormerPaths(formerPathsOf, fileAtPath, problems);
  const withdrawals = await compileWithdrawals(compilation, fileAtPath, claimedBy);
  if (problems.list.length) return { bundle: null, problems: problems.list, searchDocuments: [] };
  const bundle = { sections, topics, authors, articles, withdrawals };
  return { bundle: { compiledAt: Date.now(), ...bundle }, problems: problems.list, searchDocuments: searchDocumentsOf(bundle, bodyText) };
}

/** Writes a file atomically, so a running server never reads half of it. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
