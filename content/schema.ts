/**
 * The content schema: the single source of truth for what an article, an author and a section
 * are. Editors' modules are checked against it at build time (`npm run check:content`) and every
 * content type in the site is inferred from it.
 */
import { z } from "zod";
import { findMarkdownProblems } from "./markdown";
import { placeholderFields } from "./placeholders";
import { URL_SAFE_SLUG } from "./slug";

export const HEADLINE_MAX_LENGTH = 110;
const MAX_TOPICS = 6;

/**
 * Path segments the site uses for its own pages ("index" is the home page's name inside Next.js,
 * which the request guard answers with the 404 page); a section named like one would be shadowed.
 */
export const RESERVED_SLUGS = new Set(["api", "autores", "buscar", "index", "pagina", "recortes", "sitemaps", "temas", "vista-previa"]);

const slug = (what: string) =>
  z
    .string()
    .min(1, `${what} is empty`)
    .max(100, `${what} is longer than 100 characters`)
    .regex(URL_SAFE_SLUG, `${what} is not URL-safe: use lowercase letters, digits and single hyphens (e.g. "my-article")`);

const requiredText = (what: string, max?: number) => {
  const text = z.string().trim().min(1, `${what} is empty`);
  return max ? text.max(max, `${what} is longer than ${max} characters`) : text;
};

const SLUG_PATTERN = URL_SAFE_SLUG.source.slice(1, -1);
const ARTICLE_ADDRESS = new RegExp(`^/${SLUG_PATTERN}/${SLUG_PATTERN}/${SLUG_PATTERN}$`);

const SCHEME_AND_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

function formerPathProblem(path: string): string | undefined {
  if (SCHEME_AND_HOST.test(path)) return `write the path alone, without the site's address: "${path.replace(SCHEME_AND_HOST, "") || "/"}"`;
  if (/[?#]/.test(path)) return "must not hold a query string or fragment: the path alone";
  if (!ARTICLE_ADDRESS.test(path)) {
    return 'must be an article address on this site: "/section/subsection/slug", lowercase, without a trailing slash';
  }
  if (
    path
      .split("/")
      .slice(1, 3)
      .some((segment) => RESERVED_SLUGS.has(segment))
  )
    return "is one of the site's own addresses, not an article's";
  return undefined;
}

/**
 * An address this site once published an article at, "/section/subsection/old-slug": readers and
 * crawlers who follow it are sent to the article's address now.
 */
const formerPath = z.string().superRefine((path, ctx) => {
  const problem = formerPathProblem(path);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A moment with its time zone, as ISO 8601 with an explicit offset ("2020-05-26T12:00:00-04:00").
 * Without the offset a time is ambiguous, so it is refused rather than guessed.
 */
export const zonedDateTime = z.string().superRefine((value, ctx) => {
  const match = OFFSET_DATE_TIME.exec(value);
  if (!match) {
    ctx.addIssue({ code: "custom", message: `invalid date "${value}": write it as YYYY-MM-DDTHH:MM:SS±HH:MM` });
    return;
  }
  const [, year, month, day, hour, minute, second = "0", offset] = match;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const isRealDay =
    calendar.getUTCFullYear() === Number(year) && calendar.getUTCMonth() === Number(month) - 1 && calendar.getUTCDate() === Number(day);
  if (!isRealDay || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    ctx.addIssue({ code: "custom", message: `invalid date "${value}": no such day or time` });
    return;
  }
  if (!offset) {
    ctx.addIssue({ code: "custom", message: `invalid time zone: "${value}" has no offset; add one such as -04:00, +02:00 or Z` });
    return;
  }
  if (offset !== "Z") {
    const [hours = 0, minutes = 0] = offset.slice(1).split(":").map(Number);
    const total = (offset.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
    if (minutes > 59 || total < -12 * 60 || total > 14 * 60) {
      ctx.addIssue({ code: "custom", message: `invalid time zone offset "${offset}": offsets run from -12:00 to +14:00` });
    }
  }
});

const languageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'not a language tag: use an ISO 639 code such as "es", "en" or "pt-BR"');

const httpsUrl = (what: string) => z.url({ protocol: /^https$/, error: `${what} must be an absolute https:// URL` });

/** A file served from `public/`, written as its URL path ("/images/foo.jpg"). */
const publicImagePath = z
  .string()
  .regex(
    /^\/images\/[a-z0-9][a-z0-9/_.-]*\.(?:jpe?g|png|webp|avif)$/,
    'must be a path under /images/ ending in .jpg, .png, .webp or .avif, e.g. "/images/2020/ballot.jpg"',
  )
  // Only under /images/ (the pattern above reports anything else), and never leaving it.
  .refine(
    (path) =>
      !path.startsWith("/images/") ||
      !path
        .split("/")
        .slice(1)
        .some((segment) => segment === ".." || segment === "." || segment === ""),
    "must not contain '..', '.' or '//'",
  );

export const leadImageSchema = z.object({
  src: publicImagePath,
  alt: z
    .string({ error: (issue) => (issue.input === undefined ? "missing alt text" : "alt text must be text") })
    .trim()
    .min(1, "missing alt text")
    .max(250, "alt text is longer than 250 characters"),
  caption: requiredText("caption", 400),
  credit: requiredText("credit", 120),
});

/** A correction to a published article: shown under it as "Fe de errores", with its time. */
const correctionSchema = z
  .object({
    date: zonedDateTime,
    /** What was wrong and what is right, in the article's language. */
    text: requiredText("correction text", 600),
  })
  .strict();

export const articleStatusSchema = z.enum(["draft", "published"], {
  error: 'status must be "draft" or "published"',
});

export const articleSchema = z
  .object({
    slug: slug("slug"),
    status: articleStatusSchema,
    headline: requiredText("headline", HEADLINE_MAX_LENGTH),
    standfirst: requiredText("standfirst", 320).optional(),
    /** "section/subsection", e.g. "democracia-y-politica/elecciones". */
    section: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "section/subsection", e.g. "democracia-y-politica/elecciones"'),
    authors: z.array(slug("author slug"), { error: "must be a list of author slugs" }).min(1, "needs at least one author"),
    /** Topics from topics.ts that the article is about, across sections; the first is the main one. */
    topics: z
      .array(slug("topic slug"), { error: "must be a list of topic slugs" })
      .min(1, "is an empty list: leave it out when no topic applies")
      .max(MAX_TOPICS, `lists more than ${MAX_TOPICS} topics: keep the ones the article is about`)
      .refine((topics) => new Set(topics).size === topics.length, "lists the same topic twice")
      .optional(),
    publishedAt: zonedDateTime,
    updatedAt: zonedDateTime.optional(),
    language: languageTag,
    dateline: requiredText("dateline", 60).optional(),
    leadImage: leadImageSchema,
    /** The original publisher of a republished piece. */
    source: z.object({ name: requiredText("source name", 120), url: httpsUrl("source url") }).optional(),
    body: requiredText("body").superRefine((markdown, ctx) => {
      for (const problem of findMarkdownProblems(markdown)) ctx.addIssue({ code: "custom", message: problem });
    }),
    /** Corrections since publication, oldest first. */
    corrections: z
      .array(correctionSchema, { error: "must be a list of { date, text }" })
      .min(1, "is an empty list: leave it out until there is a correction")
      .optional(),
    /** Where the article was published before it moved section or changed slug: each redirects here. */
    formerPaths: z
      .array(formerPath, { error: "must be a list of paths" })
      .refine((paths) => new Set(paths).size === paths.length, "lists the same path twice")
      .optional(),
  })
  .strict()
  .superRefine((article, ctx) => {
    if (article.updatedAt && Date.parse(article.updatedAt) < Date.parse(article.publishedAt)) {
      ctx.addIssue({ code: "custom", path: ["updatedAt"], message: "is earlier than publishedAt" });
    }
    let previous = Date.parse(article.publishedAt);
    for (const [index, { date }] of (article.corrections ?? []).entries()) {
      const time = Date.parse(date);
      const path = ["corrections", index, "date"];
      if (time < previous) {
        const message =
          index === 0 ? "is earlier than publishedAt" : `is earlier than corrections[${index - 1}]: list corrections oldest first`;
        ctx.addIssue({ code: "custom", path, message });
      } else if (!article.updatedAt || time > Date.parse(article.updatedAt)) {
        // The update time is what readers, feeds, sitemaps and JSON-LD show as the last change.
        const fix = `set updatedAt to ${date} or later`;
        ctx.addIssue({
          code: "custom",
          path,
          message: article.updatedAt ? `is later than updatedAt: ${fix}` : `needs an updatedAt: ${fix}`,
        });
      }
      previous = Math.max(previous, time);
    }
    if (article.status === "published") {
      for (const path of placeholderFields(article)) {
        ctx.addIssue({ code: "custom", path, message: "still holds a placeholder (PENDIENTE): fill it in before publishing" });
      }
    }
  });

export const socialNetworkSchema = z.enum(["x", "bluesky", "mastodon", "linkedin", "instagram", "website"], {
  error: "network must be one of x, bluesky, mastodon, linkedin, instagram, website",
});

export const authorSchema = z
  .object({
    slug: slug("slug"),
    name: requiredText("name", 100),
    bio: requiredText("bio", 400),
    /** The language the bio is written in, when it is not the site's. */
    bioLanguage: languageTag.optional(),
    photo: z
      .object({ src: publicImagePath, alt: requiredText("photo alt text", 200) })
      .strict()
      .optional(),
    social: z
      .array(
        z
          .object({
            network: socialNetworkSchema,
            /** The handle as people write it ("@alexboutilier") or, for websites, the URL. */
            handle: requiredText("handle", 200),
          })
          .strict()
          .superRefine(({ network, handle }, ctx) => {
            const valid =
              network === "website"
                ? /^https:\/\/[^\s/]+\.[^\s]+$/.test(handle)
                : network === "mastodon"
                  ? /^@?[\w.]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(handle)
                  : /^@?[\w.-]+$/.test(handle);
            if (!valid) {
              const expected =
                { website: "an https:// URL", mastodon: "@user@server.example" }[network as string] ?? "a handle such as @name";
              ctx.addIssue({
                code: "custom",
                path: ["handle"],
                message: `"${handle}" is not a valid ${network} handle: write ${expected}`,
              });
            }
          }),
      )
      .default([]),
  })
  .strict();

const sectionFields = {
  slug: slug("slug").refine((value) => !RESERVED_SLUGS.has(value), "is reserved for the site's own pages"),
  name: requiredText("name", 60),
  description: requiredText("description", 300),
};

/** The topics articles can be filed under, besides their section: people, places, issues. */
export const topicsSchema = z.array(
  z
    .object({
      slug: slug("slug"),
      name: requiredText("name", 60),
      description: requiredText("description", 300),
    })
    .strict(),
);

export const sectionsSchema = z
  .array(
    z
      .object({
        ...sectionFields,
        subsections: z.array(z.object(sectionFields).strict()).min(1, "needs at least one subsection"),
      })
      .strict(),
  )
  .min(1, "needs at least one section");

/**
 * Articles taken down for good (a court order, a retraction): their addresses answer 410 Gone with
 * the reason, so readers learn what happened and search engines drop them at once.
 */
export const withdrawalsSchema = z.array(
  z
    .object({
      /** The address the article had, "/section/subsection/slug"; its module is deleted. */
      path: formerPath,
      withdrawnAt: zonedDateTime,
      /** Shown to readers, in Spanish. */
      reason: requiredText("reason", 400),
    })
    .strict(),
);

/** What editors write. */
export type ArticleModule = z.input<typeof articleSchema>;
export type WithdrawalsModule = z.input<typeof withdrawalsSchema>;
export type AuthorModule = z.input<typeof authorSchema>;
export type SectionsModule = z.input<typeof sectionsSchema>;
export type TopicsModule = z.input<typeof topicsSchema>;

/** What the site reads, after validation. */
export type ArticleData = z.output<typeof articleSchema>;
export type AuthorData = z.output<typeof authorSchema>;
export type SocialNetwork = z.output<typeof socialNetworkSchema>;
export type Withdrawal = z.output<typeof withdrawalsSchema>[number];
export type Topic = z.output<typeof topicsSchema>[number];
