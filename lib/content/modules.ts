/** Finding and loading content modules, and checking them against their schema. */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { z } from "zod";
import { parseOptions, type Problems } from "./problems";

const IMPORT_BATCH = 64;
export const MODULE_FILE = /\.(?:ts|mts|js|mjs)$/;
const NOT_CONTENT = /\.(?:test|spec|d)\.[a-z]+$/;

/** Every content module under a folder, sorted; none when the folder does not exist. */
export async function listModules(dir: string): Promise<string[]> {
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

/** A module's default export; undefined, with a problem, when it has none or cannot be loaded. */
export async function importDefault(file: string, problems: Problems): Promise<unknown> {
  try {
    const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (loaded.default === undefined) problems.add(file, "(module)", "has no default export: write `export default { ... }`");
    return loaded.default;
  } catch (error) {
    problems.add(file, "(module)", `cannot be loaded: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return undefined;
  }
}

/** The default exports of these modules, a batch at a time, those that have one. */
async function importAll(files: string[], problems: Problems) {
  const loaded: { file: string; value: unknown }[] = [];
  for (let start = 0; start < files.length; start += IMPORT_BATCH) {
    const batch = files.slice(start, start + IMPORT_BATCH);
    const values = await Promise.all(batch.map((file) => importDefault(file, problems)));
    batch.forEach((file, index) => loaded.push({ file, value: values[index] }));
  }
  return loaded.filter(({ value }) => value !== undefined);
}

/** A single module (sections, topics, withdrawals) checked against its schema; undefined if it fails. */
export async function validModule<S extends z.ZodType>(file: string, schema: S, problems: Problems): Promise<z.output<S> | undefined> {
  const parsed = schema.safeParse(await importDefault(file, problems), parseOptions);
  if (parsed.success) return parsed.data;
  problems.addIssues(file, parsed.error.issues);
  return undefined;
}

/** The modules of a folder that pass the schema, each named after its slug, no slug twice. */
export async function validModules<S extends z.ZodType<{ slug: string }>>(dir: string, schema: S, problems: Problems) {
  const fileOfSlug = new Map<string, string>();
  const valid: { file: string; data: z.output<S> }[] = [];
  for (const { file, value } of await importAll(await listModules(dir), problems)) {
    const parsed = schema.safeParse(value, parseOptions);
    if (!parsed.success) {
      problems.addIssues(file, parsed.error.issues);
      continue;
    }
    const { slug } = parsed.data;
    const expected = path.basename(file).replace(MODULE_FILE, "");
    if (slug !== expected) problems.add(file, "slug", `"${slug}" does not match the file name "${expected}"`);
    const duplicate = fileOfSlug.get(slug);
    if (duplicate) problems.add(file, "slug", `duplicate slug "${slug}", also used by ${problems.display(duplicate)}`);
    fileOfSlug.set(slug, file);
    valid.push({ file, data: parsed.data });
  }
  return valid;
}
