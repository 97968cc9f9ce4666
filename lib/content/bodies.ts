/**
 * Article bodies, stored apart from the bundle in one file beside it, each at a place the bundle
 * records: a server process reads a body when it renders the article, and holds none.
 */
import { once } from "node:events";
import { closeSync, createWriteStream, openSync, readSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Where a body is in the bodies file: from this byte to that one. */
export type BodyPlace = [start: number, end: number];

/** The bodies file of one compile: named for it, so that a compile never rewrites a file a server reads. */
export const bodiesFileName = (compiledAt: number) => `bodies-${compiledAt}.md`;
const BODIES_FILE = /^bodies-\d+\.md$/;

/** Each body's place when they are stored one after another, in this order. */
export function bodyPlaces(bodies: string[]): BodyPlace[] {
  let start = 0;
  return bodies.map((body) => {
    const end = start + Buffer.byteLength(body);
    const place: BodyPlace = [start, end];
    start = end;
    return place;
  });
}

/** Writes the bodies, in order, to a new file that appears whole or not at all. */
export async function writeBodies(file: string, bodies: Uint8Array[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary);
  for (const body of bodies) if (!stream.write(body)) await once(stream, "drain");
  stream.end();
  await once(stream, "finish");
  await rename(temporary, file);
}

/** Removes the bodies files of earlier compiles: a server that still reads one keeps it open. */
export async function removeOtherBodies(dir: string, keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => BODIES_FILE.test(name) && name !== keep).map((name) => rm(path.join(dir, name), { force: true })),
  );
}

/** An open bodies file, or why there is none. */
export type BodiesFile = { fd: number } | { missing: string };

export function openBodies(file: string): BodiesFile {
  try {
    return { fd: openSync(file, "r") };
  } catch {
    return { missing: file };
  }
}

export function closeBodies(bodies: BodiesFile) {
  if ("fd" in bodies) closeSync(bodies.fd);
}

export function readBody(bodies: BodiesFile, [start, end]: BodyPlace): string {
  if ("missing" in bodies) throw new Error(`No article bodies at ${bodies.missing}: run "npm run build" (or "npm run dev") again.`);
  const buffer = Buffer.alloc(end - start);
  readSync(bodies.fd, buffer, 0, buffer.length, start);
  return buffer.toString("utf8");
}
