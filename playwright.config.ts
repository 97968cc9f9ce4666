import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumPath } from "./scripts/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * Debian's Chromium where it is installed (Playwright cannot download browsers on our machines),
 * elsewhere Playwright's own; CHROMIUM_PATH overrides both.
 */
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_FLAGS },
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: { baseURL: BASE_URL, trace: "retain-on-failure" },
  projects: [
    { name: "site", testIgnore: /scheduled-publication\.spec\.ts/, use: chromium },
    // Builds a site of its own and waits for its article's time: after the rest, so that its
    // build does not compete with them for the machine.
    { name: "scheduled", testMatch: /scheduled-publication\.spec\.ts/, dependencies: ["site"], use: chromium },
  ],
  webServer: {
    command: "tsx e2e/server.ts",
    url: `${BASE_URL}/robots.txt`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
