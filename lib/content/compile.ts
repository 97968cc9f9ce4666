/**
 * Reads every content module under a content directory, validates it against the schema and
 * against the rest of the content (sections, authors, slugs, image files) and returns either the
 * compiled bundle or the list of problems, each with its file, field and reason.
 *
 * Runs in Node through tsx (scripts/check-content.ts), never inside the Next.js server.
 */
import { mkdir, readdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import type { z } from "zod";
import { articlePath } from "../urls";
import type { Article, Author, ContentBundle, ImageSize, Section, Topic, Withdrawal } from "./bundle";
import { countWords, markdownToPlainText, truncateAtWord } from "../../content/markdown";
import { PLACEHOLDER_AUTHOR } from "../../content/placeholders";
import { articleSchema, authorSchema, sectionsSchema, topicsSchema, withdrawalsSchema } from "../../content/schema";
import type { SearchDocument } from "../search/index";

export interface ContentProblem {
  /** Relative to the project (or the content directory when it lies outside). */
  file: string;
  /** Dotted path of the field, or "(module)" for the file as a whole. */
  field: string;
  reason: string;
}

export const formatProblem = ({ file, field, reason }: ContentProblem) => `${file}: ${field}: ${reason}`;

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

/** Lead images narrower than this would be upscaled in social cards and Google Discover. */
export const MIN_LEAD_IMAGE_WIDTH = 1200;
const DESCRIPTION_LENGTH = 160;
const IMPORT_BATCH = 64;

const MODULE_FILE = /\.(?:ts|mts|js|mjs)$/;
const NOT_CONTENT = /\.(?:test|spec|d)\.[a-z]+$/;

async function listModules(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && MODULE_FILE.test(entry.name) && !NOT_CONTENT.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const fieldOf = (segments: readonly PropertyKey[]) =>
  segments.reduce<string>((field, segment) => {
    if (typeof segment === "number") return `${field}[${segment}]`;
    return field ? `${field}.${String(segment)}` : String(segment);
  }, "") || "(module)";

function issuesToProblems(file: string, issues: z.core.$ZodIssue[]): ContentProblem[] {
  return issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          file,
          field: fieldOf([...issue.path, key]),
          reason: "unknown field: check its spelling against content/schema.ts",
        }))
      : [{ file, field: fieldOf(issue.path), reason: issue.message }],
  );
}

/** Missing required fields read better as "is required" than as a type mismatch. */
const parseOptions = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === "invalid_type" && issue.input === undefined ? "is required but missing" : undefined,
};

export async function compileContent(contentDir: string, options: CompileOptions): Promise<CompileResult> {
  const root = path.resolve(contentDir);
  const displayRoot = options.displayRoot ?? process.cwd();
  const display = (file: string) => {
    const relative = path.relative(displayRoot, file);
    return relative.startsWith("..") ? file : relative;
  };
  const problems: ContentProblem[] = [];
  const problem = (file: string, field: string, reason: string) => problems.push({ file: display(file), field, reason });
  /** Every entry whose slug an earlier one in the same list already has; `field` names where it is. */
  const checkUniqueSlugs = (file: string, entries: { slug: string }[], kind: string, field: (index: number) => string) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.slug)) problem(file, `${field(index)}.slug`, `duplicate ${kind} slug "${entry.slug}"`);
      seen.add(entry.slug);
    });
  };

  async function importDefault(file: string): Promise<unknown> {
    try {
      const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (loaded.default === undefined) problem(file, "(module)", "has no default export: write `export default { ... }`");
      return loaded.default;
    } catch (error) {
      problem(file, "(module)", `cannot be loaded: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return undefined;
    }
  }

  async function importAll(files: string[]) {
    const loaded: { file: string; value: unknown }[] = [];
    for (let start = 0; start < files.length; start += IMPORT_BATCH) {
      const batch = files.slice(start, start + IMPORT_BATCH);
      const values = await Promise.all(batch.map(importDefault));
      batch.forEach((file, index) => loaded.push({ file, value: values[index] }));
    }
    return loaded.filter(({ value }) => value !== undefined);
  }

  const imageSizes = new Map<string, Promise<ImageSize | string>>();
  function readImageSize(src: string): Promise<ImageSize | string> {
    let size = imageSizes.get(src);
    if (!size) {
      const file = path.join(options.publicDir, ...src.split("/"));
      size = stat(file)
        .then(async ({ size: bytes }) => ({ bytes, ...(await sharp(file).metadata()) }))
        .then(({ width, height, bytes }) => (width && height ? { width, height, bytes } : `image file ${src} has no dimensions`))
        .catch(() => `image file not found: public${src}`);
      imageSizes.set(src, size);
    }
    return size;
  }

  // Sections
  const rootModules = await listModules(root);
  const sectionsFile = rootModules.find((file) => /^sections\.[a-z]+$/.test(path.basename(file)));
  const sections: Section[] = [];
  if (!sectionsFile) {
    problem(path.join(root, "sections.ts"), "(module)", "file not found: the section tree is required");
  } else {
    const parsed = sectionsSchema.safeParse(await importDefault(sectionsFile), parseOptions);
    if (!parsed.success) problems.push(...issuesToProblems(display(sectionsFile), parsed.error.issues));
    else {
      checkUniqueSlugs(sectionsFile, parsed.data, "section", (index) => `[${index}]`);
      parsed.data.forEach((section, index) => {
        const subsectionPaths = section.subsections.map((sub) => `${section.slug}/${sub.slug}`);
        sections.push({ ...section, path: section.slug, subsections: subsectionPaths });
        checkUniqueSlugs(sectionsFile, section.subsections, "subsection", (subIndex) => `[${index}].subsections[${subIndex}]`);
        for (const sub of section.subsections) {
          sections.push({ ...sub, path: `${section.slug}/${sub.slug}`, parent: section.slug, subsections: [] });
        }
      });
    }
  }
  const sectionPaths = new Set(sections.filter((section) => section.parent).map((section) => section.path));

  // Topics: optional, a site may file articles by section alone.
  const topics: Topic[] = [];
  const topicsFile = rootModules.find((file) => /^topics\.[a-z]+$/.test(path.basename(file)));
  if (topicsFile) {
    const parsed = topicsSchema.safeParse(await importDefault(topicsFile), parseOptions);
    if (!parsed.success) problems.push(...issuesToProblems(display(topicsFile), parsed.error.issues));
    else {
      checkUniqueSlugs(topicsFile, parsed.data, "topic", (index) => `[${index}]`);
      topics.push(...parsed.data);
    }
  }
  const topicSlugs = new Set(topics.map((topic) => topic.slug));

  /** The modules of a folder that pass the schema, each named after its slug, no slug twice. */
  async function validModules<S extends z.ZodType<{ slug: string }>>(dir: string, schema: S) {
    const fileOfSlug = new Map<string, string>();
    const valid: { file: string; data: z.output<S> }[] = [];
    for (const { file, value } of await importAll(await listModules(dir))) {
      const parsed = schema.safeParse(value, parseOptions);
      if (!parsed.success) {
        problems.push(...issuesToProblems(display(file), parsed.error.issues));
        continue;
      }
      const { slug } = parsed.data;
      const expected = path.basename(file).replace(MODULE_FILE, "");
      if (slug !== expected) problem(file, "slug", `"${slug}" does not match the file name "${expected}"`);
      const duplicate = fileOfSlug.get(slug);
      if (duplicate) problem(file, "slug", `duplicate slug "${slug}", also used by ${display(duplicate)}`);
      fileOfSlug.set(slug, file);
      valid.push({ file, data: parsed.data });
    }
    return valid;
  }

  // Authors
  const authors: Author[] = [];
  for (const { file, data: author } of await validModules(path.join(root, "authors"), authorSchema)) {
    let photo: Author["photo"];
    if (author.photo) {
      const size = await readImageSize(author.photo.src);
      if (typeof size === "string") problem(file, "photo.src", size);
      else photo = { ...author.photo, ...size };
    }
    authors.push({ ...author, photo });
  }
  const authorSlugs = new Set(authors.map((author) => author.slug));

  // Articles
  const articles: Article[] = [];
  const bodyText = new Map<string, string>();
  const fileAtPath = new Map<string, string>();
  const formerPathsOf: { file: string; formerPaths: string[] }[] = [];
  for (const { file, data: article } of await validModules(path.join(root, "articles"), articleSchema)) {
    fileAtPath.set(articlePath(article), file);
    if (article.formerPaths) formerPathsOf.push({ file, formerPaths: article.formerPaths });
    if (!sectionPaths.has(article.section)) {
      problem(file, "section", `unknown section "${article.section}": it is not a section/subsection in sections.ts`);
    }
    article.authors.forEach((slug, index) => {
      // Drafts may still name no author (see placeholders.ts); the schema refuses that once published.
      if (!authorSlugs.has(slug) && slug !== PLACEHOLDER_AUTHOR) {
        problem(file, `authors[${index}]`, `unknown author "${slug}": no authors/${slug}.ts`);
      }
    });
    article.topics?.forEach((slug, index) => {
      if (!topicSlugs.has(slug)) problem(file, `topics[${index}]`, `unknown topic "${slug}": it is not in topics.ts`);
    });
    const size = await readImageSize(article.leadImage.src);
    if (typeof size === "string") {
      problem(file, "leadImage.src", size);
      continue;
    }
    if (size.width < MIN_LEAD_IMAGE_WIDTH) {
      problem(file, "leadImage.src", `image is ${size.width} px wide; lead images need at least ${MIN_LEAD_IMAGE_WIDTH} px`);
    }
    const text = markdownToPlainText(article.body);
    bodyText.set(article.slug, text);
    articles.push({
      ...article,
      leadImage: { ...article.leadImage, ...size },
      description: article.standfirst ?? truncateAtWord(text, DESCRIPTION_LENGTH),
      wordCount: countWords(text),
    });
  }

  // The server redirects a former path before it looks for a page there, so no article may be
  // at one now, and each leads to a single article.
  const claimedBy = new Map<string, string>();
  for (const { file, formerPaths } of formerPathsOf) {
    formerPaths.forEach((former, index) => {
      const field = `formerPaths[${index}]`;
      const current = fileAtPath.get(former);
      if (current === file) problem(file, field, "is this article's own address: it would redirect to itself");
      else if (current) problem(file, field, `is the address of ${display(current)} now`);
      const claimant = claimedBy.get(former);
      if (claimant) problem(file, field, `is also a former path of ${display(claimant)}: an address can lead to one article only`);
      claimedBy.set(former, file);
    });
  }

  // Withdrawn articles: their addresses answer 410 Gone, so no article may be there or lead there.
  const withdrawals: Withdrawal[] = [];
  const withdrawalsFile = rootModules.find((file) => path.dirname(file) === root && /^withdrawn\.[a-z]+$/.test(path.basename(file)));
  if (withdrawalsFile) {
    const parsed = withdrawalsSchema.safeParse(await importDefault(withdrawalsFile), parseOptions);
    if (!parsed.success) problems.push(...issuesToProblems(display(withdrawalsFile), parsed.error.issues));
    else {
      const listed = new Set<string>();
      parsed.data.forEach((withdrawal, index) => {
        const field = `[${index}].path`;
        const current = fileAtPath.get(withdrawal.path);
        if (current) problem(withdrawalsFile, field, `is the address of ${display(current)}: delete that module to withdraw the article`);
        const claimant = claimedBy.get(withdrawal.path);
        if (claimant) problem(withdrawalsFile, field, `is a former path of ${display(claimant)}, which it leads to`);
        if (listed.has(withdrawal.path)) problem(withdrawalsFile, field, "is listed twice");
        listed.add(withdrawal.path);
        withdrawals.push(withdrawal);
      });
    }
  }

  articles.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.slug.localeCompare(b.slug));
  if (problems.length) return { bundle: null, problems, searchDocuments: [] };

  const sectionNames = new Map(sections.map((section) => [section.path, section.name]));
  const authorNames = new Map(authors.map((author) => [author.slug, author.name]));
  const topicNames = new Map(topics.map((topic) => [topic.slug, topic.name]));
  const searchDocuments = articles
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
  return { bundle: { compiledAt: Date.now(), sections, topics, authors, articles, withdrawals }, problems, searchDocuments };
}

/** Writes a file atomically, so a running server never reads half of it. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
