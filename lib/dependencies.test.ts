import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

/**
 * The oldest versions with fixes for every Next.js, React Server Components and sharp advisory
 * that applies to a self-hosted App Router site (shared notes on security, and the advisories
 * published since):
 * - next 16.3.3: image optimizer RCE with AVIF (GHSA-2xp9-vwfh-vxw4) and Windows path traversal
 *   RCE (CVE-2026-75604); before it 16.2.11 (Server Actions DoS and SSRF, CVE-2026-64641,
 *   CVE-2026-64642, CVE-2026-64649), 16.2.6 (the May 2026 batch: WebSocket SSRF CVE-2026-44578,
 *   RSC cache poisoning CVE-2026-44576, proxy bypasses), 16.2.3 (CVE-2026-23869), 16.1.5
 *   (CVE-2026-23864), 16.0.10 (CVE-2025-55184) and 16.0.7 (React2Shell, CVE-2025-66478);
 * - react and react-dom 19.2.8: RSC DoS CVE-2026-44907, after CVE-2026-23870 (19.2.6),
 *   CVE-2025-55184/67779 (19.2.3) and CVE-2025-55182 (19.2.1);
 * - sharp 0.35.0, behind the image optimizer and the lead-image crops: libvips CVE-2026-33327,
 *   -33328, -35590 and -35591 (GHSA-f88m-g3jw-g9cj).
 */
const MINIMUM = { next: "16.3.3", react: "19.2.8", "react-dom": "19.2.8", sharp: "0.35.0" };

const installed = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version;

const atLeast = (version: string, minimum: string) => {
  const [a, b] = [version, minimum].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let index = 0; index < 3; index++) if (a![index] !== b![index]) return a![index]! > b![index]!;
  return true;
};

for (const [name, minimum] of Object.entries(MINIMUM)) {
  test(`${name} is at least ${minimum}`, () => {
    const version = installed(name);
    assert.ok(atLeast(version, minimum), `${name} ${version} is older than ${minimum}, which fixes known advisories`);
  });
}

test("the version comparison is numeric", () => {
  assert.ok(atLeast("16.10.0", "16.3.3"));
  assert.ok(!atLeast("16.2.11", "16.3.3"));
  assert.ok(atLeast("19.2.8", "19.2.8"));
});
