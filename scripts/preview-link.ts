/**
 * `npm run preview-link -- <slug> [--hours N]`: prints a private link to preview one article on
 * SITE_URL, valid for N hours (24 by default), signed with PREVIEW_SECRET. Reads .env files the
 * way Next.js does.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import nextEnv from "@next/env";
import { contentDir } from "../content/paths";
import { formatDateTime } from "../lib/dates";
import { DEFAULT_PREVIEW_HOURS, MAX_PREVIEW_HOURS, previewQuery, readPreviewSecret } from "../lib/preview";
import { readSiteUrl } from "../lib/site";
import { previewPath } from "../lib/urls";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

async function articleExists(slug: string): Promise<boolean> {
  const files = await readdir(path.join(contentDir(), "articles"), { recursive: true }).catch(() => []);
  return files.some((file) => path.basename(file).replace(/\.(ts|mts|js|mjs)$/, "") === slug);
}

async function main() {
  const args = process.argv.slice(2);
  const hoursAt = args.indexOf("--hours");
  const hours = hoursAt === -1 ? DEFAULT_PREVIEW_HOURS : Number(args[hoursAt + 1]);
  const slug = args.find((arg, index) => !arg.startsWith("--") && index !== hoursAt + 1);
  if (!slug) fail("usage: npm run preview-link -- <slug> [--hours N]");
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_PREVIEW_HOURS) {
    fail(`--hours must be a number of hours between 0 and ${MAX_PREVIEW_HOURS}`);
  }
  const secret = readPreviewSecret();
  if (!secret.ok) fail(`${secret.reason}. Set it (32 characters or more) in the environment or in .env.local, e.g. PREVIEW_SECRET=$(openssl rand -hex 32)`);
  if (!(await articleExists(slug))) fail(`no article with slug "${slug}" under ${path.join(contentDir(), "articles")}`);

  const expires = Math.floor(Date.now() / 1000 + hours * 3600);
  const link = new URL(`${previewPath()}?${previewQuery({ slug, expires }, secret.secret)}`, readSiteUrl());
  console.log(link.href);
  console.error(`Vista previa de "${slug}", válida hasta el ${formatDateTime(new Date(expires * 1000).toISOString())}.`);
}

await main();
