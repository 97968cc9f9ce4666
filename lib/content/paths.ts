import path from "node:path";

/** The content tree the build reads: `CONTENT_DIR` when set (generated fixtures), else `content/`. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CONTENT_DIR?.trim() || "content");
}

export const PUBLIC_DIR = path.resolve("public");
