import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import sharp from "sharp";

// The crops are read from public/ and stored under .next/cache/ in the working directory, as on
// the server: the module is imported once that directory is a temporary one.
let crops: typeof import("./crops");
let directory: string;
const home = process.cwd();

before(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "gaceta-crops-"));
  await mkdir(path.join(directory, "public", "images"), { recursive: true });
  await sharp({ create: { width: 1600, height: 1067, channels: 3, background: "#336699" } })
    .jpeg()
    .toFile(path.join(directory, "public", "images", "a.jpg"));
  process.chdir(directory);
  crops = await import("./crops");
});

after(async () => {
  process.chdir(home);
  await rm(directory, { recursive: true, force: true });
});

test("a crop is cut once and kept on disk: asked again, even many at once, it is read, not cut", async () => {
  const first = await crops.cropLeadImage("/images/a.jpg", "og");
  const metadata = await sharp(first).metadata();
  assert.deepEqual([metadata.width, metadata.height, metadata.format], [1200, 630, "jpeg"]);
  const storedDir = path.join(directory, ".next", "cache", "gaceta-crops", "og");
  const [stored] = await readdir(storedDir);
  assert.ok(stored, "the crop is stored");
  const { mtimeMs } = await stat(path.join(storedDir, stored));
  const again = await Promise.all(Array.from({ length: 100 }, () => crops.cropLeadImage("/images/a.jpg", "og")));
  assert.ok(again.every((buffer) => buffer.equals(first)));
  assert.equal((await stat(path.join(storedDir, stored))).mtimeMs, mtimeMs, "not cut again");
  assert.equal((await readdir(storedDir)).length, 1);
});

test("each crop of each image is stored apart, so none pushes another out", async () => {
  for (const crop of ["og", "16x9", "4x3", "1x1"] as const) await crops.cropLeadImage("/images/a.jpg", crop);
  const dirs = await readdir(path.join(directory, ".next", "cache", "gaceta-crops"));
  assert.deepEqual(dirs.sort(), ["16x9", "1x1", "4x3", "og"]);
});
