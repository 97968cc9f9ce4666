/** Content problems: each with its file, field and reason, as editors read them. */
import path from "node:path";
import type { z } from "zod";

export interface ContentProblem {
  /** Relative to the project (or the content directory when it lies outside). */
  file: string;
  /** Dotted path of the field, or "(module)" for the file as a whole. */
  field: string;
  reason: string;
}

export const formatProblem = ({ file, field, reason }: ContentProblem) => `${file}: ${field}: ${reason}`;

const fieldOf = (segments: readonly PropertyKey[]) =>
  segments.reduce<string>((field, segment) => {
    if (typeof segment === "number") return `${field}[${segment}]`;
    return field ? `${field}.${String(segment)}` : String(segment);
  }, "") || "(module)";

/** Missing required fields read better as "is required" than as a type mismatch. */
export const parseOptions = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === "invalid_type" && issue.input === undefined ? "is required but missing" : undefined,
};

/** The problems found so far, with file names shown relative to one directory. */
export class Problems {
  readonly list: ContentProblem[] = [];

  constructor(readonly displayRoot: string) {}

  /** A file's name as problems show it: relative to the display root, unless it lies outside. */
  display(file: string): string {
    const relative = path.relative(this.displayRoot, file);
    return relative.startsWith("..") ? file : relative;
  }

  add(file: string, field: string, reason: string) {
    this.list.push({ file: this.display(file), field, reason });
  }

  /** The schema's issues with a module, an unknown field as one problem per key. */
  addIssues(file: string, issues: z.core.$ZodIssue[]) {
    for (const issue of issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          this.add(file, fieldOf([...issue.path, key]), "unknown field: check its spelling against content/schema.ts");
      } else {
        this.add(file, fieldOf(issue.path), issue.message);
      }
    }
  }

  /** Every entry whose slug an earlier one in the same list already has; `field` names where it is. */
  checkUniqueSlugs(file: string, entries: { slug: string }[], kind: string, field: (index: number) => string) {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.slug)) this.add(file, `${field(index)}.slug`, `duplicate ${kind} slug "${entry.slug}"`);
      seen.add(entry.slug);
    });
  }
}
