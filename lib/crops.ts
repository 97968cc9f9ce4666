/**
 * Crops of lead images for social cards (1200×630) and structured data (1:1, 4:3, 16:9), cut on
 * first request with sharp and stored on disk beside Next.js's own cache, so each crop of each
 * image is cut once per build, whatever the number of images: memory holds only the crops being
 * cut. The stored file is named for the image's path, size and time, so a changed image is cut anew.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { PUBLIC_DIR } from "@/lib/content/paths";
import { CROPS, type CropName } from "./urls";

const CROP_DIR = path.join(process.cwd(), ".next", "cache", "gaceta-crops");
/** Crops being cut now: a second request for one waits for the first instead of cutting it again. */
const cutting = new Map<string, Promise<Buffer>>();

export const isCropName = (name: string): name is CropName => Object.hasOwn(CROPS, name);

async function cut(file: string, crop: CropName, stored: string): Promise<Buffer> {
  const { width, height } = CROPS[crop];
  const buffer = await sharp(file)
    .resize(width, height, { fit: "cover", position: sharp.strategy.attention })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
  await mkdir(path.dirname(stored), { recursive: true });
  // Written whole, then renamed: a reader never meets half a file.
  await writeFile(`${stored}.${process.pid}.tmp`, buffer);
  await rename(`${stored}.${process.pid}.tmp`, stored);
  return buffer;
}

export async function cropLeadImage(src: string, crop: CropName): Promise<Buffer> {
  const file = path.join(PUBLIC_DIR, ...src.split("/"));
  const { size, mtimeMs } = await stat(file);
  const name = createHash("sha256").update(`${src}\n${size}\n${mtimeMs}`).digest("hex").slice(0, 32);
  const stored = path.join(CROP_DIR, crop, `${name}.jpg`);
  const pending = cutting.get(stored);
  if (pending) return pending;
  try {
    return await readFile(stored);
  } catch {
    const buffer = cut(file, crop, stored).finally(() => cutting.delete(stored));
    cutting.set(stored, buffer);
    return buffer;
  }
}
