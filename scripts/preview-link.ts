/**
 * `npm run preview-link -- <slug> [--hours N]` (`--help` says so): prints a private link to preview one article on
 * SITE_URL, valid for N hours (24 by default), signed with PREVIEW_SECRET. Reads .env files the
 * way Next.js does.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { contentDir } from "../lib/content/paths";
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

const USAGE = "usage: npm run preview-link -- <slug> [--hours N]";

/** The slug and the hours of validity, from the command line; unknown flags are refused. */
function readArguments(): { slug: string; hours: number } {
  let parsed;
  try {
    parsed = parseArgs({
      options: { hours: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n  ${USAGE}`);
  }
  if (parsed.values.help) {
    console.log(
      `${USAGE}\n  Prints a private link to preview the article, valid for N hours (${DEFAULT_PREVIEW_HOURS} by default, at most ${MAX_PREVIEW_HOURS}).`,
    );
    process.exit(0);
  }
  const [slug, ...extra] = parsed.positionals;
  if (!slug || extra.length) fail(USAGE);
  const hours = parsed.values.hours === undefined ? DEFAULT_PREVIEW_HOURS : Number(parsed.values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_PREVIEW_HOURS) {
    fail(`--hours must be a number of hours between 0 and ${MAX_PREVIEW_HOURS}`);
  }
  return { slug, hours };
}

async function main() {
  const { slug, hours } = readArguments();
  const secret = readPreviewSecret();
  if (!secret.ok)
    fail(
      `${secret.reason}. Set it (32 characters or more) in the environment or in .env.local, e.g. PREVIEW_SECRET=$(openssl rand -hex 32)`,
    );
  if (!(await articleExists(slug))) fail(`no article with slug "${slug}" under ${path.join(contentDir(), "articles")}`);

  const expires = Math.floor(Date.now() / 1000 + hours * 3600);
  const link = new URL(`${previewPath()}?${previewQuery({ slug, expires }, secret.secret)}`, readSiteUrl());
  console.log(link.href);
  console.error(`Vista previa de "${slug}", válida hasta el ${formatDateTime(new Date(expires * 1000).toISOString())}.`);
}

await main();
