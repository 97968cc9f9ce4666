/** The size of each image content points to, read once per file. */
import { stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { ImageSize } from "./bundle";

/** Lead images narrower than this would be upscaled in social cards and Google Discover. */
export const MIN_LEAD_IMAGE_WIDTH = 1200;

/** Reads an image's size under `publicDir`, each file once: its size, or why it has none. */
export function imageSizeReader(publicDir: string): (src: string) => Promise<ImageSize | string> {
  const sizes = new Map<string, Promise<ImageSize | string>>();
  return (src) => {
    let size = sizes.get(src);
    if (!size) {
      const file = path.join(publicDir, ...src.split("/"));
      size = stat(file)
        .then(async ({ size: bytes }) => ({ bytes, ...(await sharp(file).metadata()) }))
        .then(({ width, height, bytes }) => (width && height ? { width, height, bytes } : `image file ${src} has no dimensions`))
        .catch(() => `image file not found: public${src}`);
      sizes.set(src, size);
    }
    return size;
  };
}
