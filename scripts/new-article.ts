/**
 * `npm run new-article -- --section <section/subsection> --title "<headline>" [--author <slug>]
 * [--topics <slug,slug>]`:
 * writes a draft module with a URL-safe slug and every field the editor still has to fill in
 * marked PENDIENTE. Refuses to overwrite an existing article.
 */
import { access, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { contentDir } from "../lib/content/paths";
import { PLACEHOLDER, PLACEHOLDER_AUTHOR, PLACEHOLDER_IMAGE } from "../content/placeholders";
import { HEADLINE_MAX_LENGTH, sectionsSchema, topicsSchema } from "../content/schema";
import { slugify } from "../content/slug";
import { site } from "../lib/site";
import { failUsage, readCommandLine } from "./command-line";

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

/** Now, to the minute, written with the site time zone's offset ("2026-11-26T10:05:00+01:00"). */
export function nowInSiteZone(now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: site.timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName!.replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00${offset}`;
}

const USAGE = 'usage: npm run new-article -- --section <section/subsection> --title "<headline>" [--author <slug>] [--topics <slug,slug>]';
const HELP = `${USAGE}

Writes a draft article module under the content directory, with a URL-safe slug made from the
headline and every field still to fill in marked ${PLACEHOLDER}. Never overwrites an article.

  --section S   its subsection, as section/subsection (required)
  --title T     its headline (required)
  --author A    its author's slug (default: a placeholder to fill in)
  --topics T,U  topic slugs of content/topics.ts, main one first`;

/** The topic slugs of topics.ts, or none when the site files by section alone. */
async function knownTopics(root: string): Promise<string[]> {
  const file = path.join(root, "topics.ts");
  if (!(await exists(file))) return [];
  const parsed = topicsSchema.safeParse(((await import(pathToFileURL(file).href)) as { default: unknown }).default);
  if (!parsed.success) fail(`${file} is not valid: run npm run check:content`);
  return parsed.data.map((topic) => topic.slug);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

async function main() {
  const { values: flags } = readCommandLine({
    help: HELP,
    options: { section: { type: "string" }, title: { type: "string" }, author: { type: "string" }, topics: { type: "string" } },
  });
  const { section, author } = flags;
  const title = flags.title?.trim();
  const topics = (flags.topics ?? "")
    .split(",")
    .map((topic) => topic.trim())
    .filter(Boolean);
  if (!section || !title) failUsage("--section and --title are required", HELP);
  if (title.length > HEADLINE_MAX_LENGTH) fail(`the headline has ${title.length} characters; the limit is ${HEADLINE_MAX_LENGTH}`);

  const root = contentDir();
  const sectionsModule = (await import(pathToFileURL(path.join(root, "sections.ts")).href)) as { default: unknown };
  const sections = sectionsSchema.safeParse(sectionsModule.default);
  if (!sections.success) fail(`${path.join(root, "sections.ts")} is not valid: run npm run check:content`);
  const known = sections.data.flatMap((top) => top.subsections.map((sub) => `${top.slug}/${sub.slug}`));
  if (!known.includes(section)) fail(`unknown section "${section}"; choose one of:\n  ${known.join("\n  ")}`);
  if (author && !(await exists(path.join(root, "authors", `${author}.ts`))))
    fail(`unknown author "${author}": no ${path.join(root, "authors", `${author}.ts`)}`);
  const topicSlugs = await knownTopics(root);
  const unknownTopic = topics.find((topic) => !topicSlugs.includes(topic));
  if (unknownTopic) fail(`unknown topic "${unknownTopic}"; choose among:\n  ${topicSlugs.join("\n  ") || "(none: there is no topics.ts)"}`);
  const topicsLine = topics.length
    ? `  topics: ${JSON.stringify(topics)},\n`
    : topicSlugs.length
      ? `  // Optional: up to six topics of content/topics.ts, main one first, e.g. topics: [${JSON.stringify(topicSlugs[0])}],\n`
      : "";

  const slug = slugify(title);
  if (!slug) fail("the headline has no letters or digits to make a slug from");
  const articles = path.join(root, "articles");
  const taken = (await readdir(articles, { recursive: true }).catch(() => [] as string[])).find(
    (file) => path.basename(file, path.extname(file)) === slug,
  );
  if (taken) fail(`an article with slug "${slug}" already exists: ${path.join(articles, taken)}; nothing was written`);

  const file = path.join(articles, `${slug}.ts`);
  const schemaImport = path.relative(articles, path.resolve("content", "schema")).split(path.sep).join("/");
  const source = `import type { ArticleModule } from "${schemaImport.startsWith(".") ? schemaImport : `./${schemaImport}`}";

// Draft created with npm run new-article. Fill in every field marked ${PLACEHOLDER}; a draft may keep
// them, a published article may not. npm run check:content lists what is left.
export default {
  slug: ${JSON.stringify(slug)},
  // "draft" until it is ready; "published" publishes it at publishedAt (a future time schedules it).
  status: "draft",
  headline: ${JSON.stringify(title)},
  standfirst: "${PLACEHOLDER}: one or two sentences that sum the story up (or delete this line).",
  section: ${JSON.stringify(section)},
  authors: [${JSON.stringify(author ?? PLACEHOLDER_AUTHOR)}],
${topicsLine}  // Date, time and time zone offset of publication.
  publishedAt: ${JSON.stringify(nowInSiteZone())},
  language: "${site.language}",
  dateline: "${PLACEHOLDER}",
  leadImage: {
    // A file under public/images/, at least 1,200 px wide.
    src: "${PLACEHOLDER_IMAGE}",
    alt: "${PLACEHOLDER}: what the image shows, for readers who cannot see it",
    caption: "${PLACEHOLDER}: caption",
    credit: "${PLACEHOLDER}: photographer / agency",
  },
  // The article in Markdown: paragraphs, ## subheadings, > quotations, lists, [links](https://…).
  body: \`
${PLACEHOLDER}: write the article here.
\`,
} satisfies ArticleModule;
`;
  await mkdir(articles, { recursive: true });
  await writeFile(file, source, { flag: "wx" });
  console.log(`✓ wrote ${path.relative(process.cwd(), file)}`);
  console.log(`  next: fill in the ${PLACEHOLDER} fields, run npm run check:content, and preview it with npm run preview-link -- ${slug}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
