/** Finding and loading content modules, and checking them against their schema. */
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { compileFunction } from "node:vm";
import { transform, type Message } from "esbuild";
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

const LOADERS = { ".ts": "ts", ".mts": "ts", ".js": "js", ".mjs": "js" } as const;

/**
 * A content module's exports. It is compiled by esbuild and run as a function of its own rather
 * than imported: an imported module stays in memory for the life of the process, and 100,000
 * article modules imported take more memory than the machine has.
 */
async function evaluateModule(file: string): Promise<{ default?: unknown }> {
  const { code } = await transform(await readFile(file, "utf8"), {
    loader: LOADERS[path.extname(file) as keyof typeof LOADERS],
    format: "cjs",
    platform: "node",
    sourcefile: file,
  });
  const commonJsModule = { exports: {} as { default?: unknown } };
  const run = compileFunction(code, ["module", "exports", "require", "__filename", "__dirname"], { filename: file });
  run(commonJsModule, commonJsModule.exports, createRequire(file), file, path.dirname(file));
  return commonJsModule.exports;
}

/** Why a module could not be loaded, in one line: esbuild's first error with its place, or the error thrown. */
function loadError(error: unknown): string {
  const first = (error as { errors?: Message[] }).errors?.[0];
  if (first) return first.location ? `line ${first.location.line}, column ${first.location.column + 1}: ${first.text}` : first.text;
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

/** A module's default export; undefined, with a problem, when it has none or cannot be loaded. */
export async function importDefault(file: string, problems: Problems): Promise<unknown> {
  try {
    const loaded = await evaluateModule(file);
    if (loaded.default === undefined) problems.add(file, "(module)", "has no default export: write `export default { ... }`");
    return loaded.default;
  } catch (error) {
    problems.add(file, "(module)", `cannot be loaded: ${loadError(error)}`);
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

/** These modules, those that pass the schema, each checked to be named after its slug. */
export async function parseModules<S extends z.ZodType<{ slug: string }>>(files: string[], schema: S, problems: Problems) {
  const valid: { file: string; data: z.output<S> }[] = [];
  for (const { file, value } of await importAll(files, problems)) {
    const parsed = schema.safeParse(value, parseOptions);
    if (!parsed.success) {
      problems.addIssues(file, parsed.error.issues);
      continue;
    }
    const { slug } = parsed.data;
    const expected = path.basename(file).replace(MODULE_FILE, "");
    if (slug !== expected) problems.add(file, "slug", `"${slug}" does not match the file name "${expected}"`);
    valid.push({ file, data: parsed.data });
  }
  return valid;
}

/** Every module whose slug one before it in file order already has. */
export function checkDuplicateSlugs(modules: { file: string; data: { slug: string } }[], problems: Problems) {
  const fileOfSlug = new Map<string, string>();
  for (const { file, data } of modules) {
    const duplicate = fileOfSlug.get(data.slug);
    if (duplicate) problems.add(file, "slug", `duplicate slug "${data.slug}", also used by ${problems.display(duplicate)}`);
    else fileOfSlug.set(data.slug, file);
  }
}

/** The modules of a folder that pass the schema, each named after its slug, no slug twice. */
export async function validModules<S extends z.ZodType<{ slug: string }>>(dir: string, schema: S, problems: Problems) {
  const valid = await parseModules(await listModules(dir), schema, problems);
  checkDuplicateSlugs(valid, problems);
  return valid;
}
