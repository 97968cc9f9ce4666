/**
 * Crops of lead images for social cards (1200×630) and structured data (1:1, 4:3, 16:9), cut on
 * first request with sharp and kept in a small in-process cache; shared caches keep them longer.
 */
import path from "node:path";
import sharp from "sharp";
import { PUBLIC_DIR } from "@/content/paths";
import { CROPS, type CropName } from "./urls";

const MAX_CACHED = 64;
const cache = new Map<string, Promise<Buffer>>();

export const isCropName = (name: string): name is CropName => Object.hasOwn(CROPS, name);

export function cropLeadImage(src: string, crop: CropName): Promise<Buffer> {
  const key = `${crop}:${src}`;
  const cached = cache.get(key);
  if (cached) {
    // Refresh its place: the least recently used crop is the one dropped.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const { width, height } = CROPS[crop];
  const file = path.join(PUBLIC_DIR, ...src.split("/"));
  const buffer = sharp(file)
    .resize(width, height, { fit: "cover", position: sharp.strategy.attention })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
  buffer.catch(() => cache.delete(key));
  cache.set(key, buffer);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return buffer;
}
