import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumPath } from "../scripts/chromium";
import { SAMPLE_PATH, SUBSECTION_PATH } from "./support";

const run = promisify(execFile);

interface LighthouseReport {
  categories: { seo: { score: number; auditRefs: { id: string; weight: number }[] } };
  audits: Record<string, { score: number | null; title: string }>;
}

/** Lighthouse (npm) against our Chromium, SEO category only: it is what a crawler checks first. */
for (const [name, path] of [
  ["article", SAMPLE_PATH],
  ["home", "/"],
  ["section", SUBSECTION_PATH],
] as const) {
  test(`Lighthouse scores SEO 100 on the ${name} page`, async ({ baseURL }) => {
    test.setTimeout(120_000);
    const { stdout } = await run(
      "node_modules/.bin/lighthouse",
      [
        `${baseURL}${path}`,
        "--only-categories=seo",
        "--output=json",
        "--quiet",
        `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}`,
      ],
      { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout) as LighthouseReport;
    const failing = report.categories.seo.auditRefs
      .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== 1)
      .map((ref) => `${ref.id}: ${report.audits[ref.id]?.title}`);
    expect(failing).toEqual([]);
    expect(report.categories.seo.score).toBe(1);
  });
}
