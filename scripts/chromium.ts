import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** The browser the tests and the bench use: CHROMIUM_PATH, else Debian's Chromium, else Playwright's own. */
export const chromiumPath = () =>
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : chromium.executablePath());

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
