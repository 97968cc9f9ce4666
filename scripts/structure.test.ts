/**
 * The house rules a newcomer can rely on, read from the source itself: layers point one way
 * (app → components → lib → content), components reach no file system or store, nothing imports
 * app/, no import cycle, Next.js internals and global symbols in one module, no prototype patched,
 * classes written only where the stylesheet is made from.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

const FOLDERS = ["app", "components", "lib", "content", "scripts", "e2e"];
const SKIPPED = new Set(["node_modules", "bare-app"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith(".") || SKIPPED.has(entry.name) ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const files = [...FOLDERS.flatMap((folder) => sourceFiles(folder)), "next.config.ts", "playwright.config.ts"];
const sources = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));

interface Import {
  /** A project file, or the package or node: specifier as written. */
  target: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

function resolve(from: string, specifier: string): string {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(from), specifier)
      : undefined;
  if (base === undefined) return specifier;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (sources.has(candidate) || (existsSync(candidate) && /\.tsx?$/.test(candidate))) return candidate;
  }
  return base;
}

function importsOf(file: string): Import[] {
  return [...sources.get(file)!.matchAll(IMPORT)].map((match) => ({
    target: resolve(file, match[3] ?? match[4]!),
    typeOnly: match[2] !== undefined,
  }));
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));
const folderOf = (file: string) => file.split(path.sep)[0]!;

/** Every project file and package a file's running code reaches, through value imports. */
function reachedAtRunTime(file: string, seen = new Set<string>()): Set<string> {
  for (const { target, typeOnly } of graph.get(file) ?? []) {
    if (typeOnly || seen.has(target)) continue;
    seen.add(target);
    reachedAtRunTime(target, seen);
  }
  return seen;
}

test("content/ holds what editors write: it imports nothing from lib/, components/, app/ or scripts/", () => {
  const arrows = files
    .filter((file) => folderOf(file) === "content")
    .flatMap((file) =>
      graph
        .get(file)!
        .filter(({ target }) => ["lib", "components", "app", "scripts"].includes(folderOf(target)))
        .map(({ target }) => `${file} → ${target}`),
    );
  assert.deepEqual(arrows, []);
});

test("nothing imports app/, and lib/ imports no component", () => {
  const arrows = files.flatMap((file) =>
    graph
      .get(file)!
      .filter(
        ({ target }) =>
          (folderOf(target) === "app" && folderOf(file) !== "app") || (folderOf(file) === "lib" && folderOf(target) === "components"),
      )
      .map(({ target }) => `${file} → ${target}`),
  );
  assert.deepEqual(arrows, []);
});

test("components import only types and pure helpers: nothing they run reaches the file system or the store", () => {
  const impure = (target: string) => /^(node:)?(fs|child_process)(\/promises)?$/.test(target) || target === "lib/content/store.ts";
  const reaches = files
    .filter((file) => folderOf(file) === "components")
    .flatMap((file) => [...reachedAtRunTime(file)].filter(impure).map((target) => `${file} → ${target}`));
  assert.deepEqual(reaches, []);
});

test("no import cycle", () => {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
      return;
    }
    state.set(file, "open");
    for (const { target } of graph.get(file) ?? []) if (graph.has(target)) visit(target, [...trail, file]);
    state.set(file, "done");
  };
  for (const file of files) visit(file, []);
  assert.deepEqual(cycles, []);
});

test("Next.js internals and global symbols are used in one module, lib/page-output.ts, and no prototype is patched", () => {
  // A module of Next.js's own, as an import or require names it (running its CLI is no internal),
  // or the folders where next start keeps pages, as a path names them.
  const internal = /["']next\/dist\/|Symbol\.for\(|\.next[\\/]server\b|["']server["'], ["'](?:app|route-cache)["']/;
  const internals = files.filter(
    (file) => file !== "lib/page-output.ts" && !file.startsWith("lib/page-output.") && internal.test(sources.get(file)!),
  );
  assert.deepEqual(internals, []);
  const patched = files.filter((file) => /\.prototype(?:\.\w+|\[[^\]]+\])\s*=(?!=)/.test(sources.get(file)!));
  assert.deepEqual(patched, []);
});

test("classes are written only in app/ and components/, the folders the stylesheet is made from", () => {
  // app/globals.css asks Tailwind for the utilities of those two folders and no others: a class
  // written anywhere else would reach the page without a rule.
  const css = readFileSync("app/globals.css", "utf8");
  assert.match(css, /@import "tailwindcss" source\(none\);/);
  assert.deepEqual(
    [...css.matchAll(/@source "([^"]+)";/g)].map((match) => match[1]),
    ["../app", "../components"],
  );
  const elsewhere = files.filter(
    (file) => /^(lib|content)\//.test(file) && !/\.test\.tsx?$/.test(file) && /\bclassName\b|\bclass="/.test(sources.get(file)!),
  );
  assert.deepEqual(elsewhere, []);
});

test("the rules above see the project: its imports resolve and each layer has files", () => {
  for (const folder of ["app", "components", "lib", "content"])
    assert.ok(
      files.some((file) => folderOf(file) === folder),
      folder,
    );
  const unresolved = files.flatMap((file) =>
    graph
      .get(file)!
      .filter(({ target }) => /^(app|components|lib|content|scripts|e2e)\/[^.]*(\.tsx?)?$/.test(target) && !sources.has(target))
      .map(({ target }) => `${file} → ${target}`),
  );
  assert.deepEqual(unresolved, []);
  assert.ok(graph.get("lib/site-guard.ts")!.some(({ target }) => target === "lib/content/store.ts"));
});
