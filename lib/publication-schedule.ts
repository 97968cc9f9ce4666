/**
 * Scheduled publication without a rebuild. Pages are prerendered once and served as static files;
 * when an article's time comes, this asks the server (through the internal publish route) to
 * revalidate every page, which then regenerate on their next request. Nothing runs in between.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";

export const PUBLISH_PATH = "/api/internal/publish";
export const PUBLISH_TOKEN_HEADER = "x-gaceta-publish-token";
const TOKEN = Symbol.for("gaceta.publish-token");
/** setTimeout cannot wait longer than about 24.8 days; longer waits are taken in steps. */
const MAX_WAIT_MS = 2 ** 31 - 1;

type Holder = { [TOKEN]?: Buffer };

/** The first publication time after `now`, if any. */
export const nextPublicationAfter = (times: number[], now: number) => times.find((time) => time > now);

/** Whether an article became due after the pages were built and before `now`. */
export const publishedSinceBuild = (times: number[], builtAt: number, now: number) =>
  times.some((time) => time > builtAt && time <= now);

/** True only for the token of this server process, which never leaves it. */
export function isPublishToken(value: string | null): boolean {
  const expected = (globalThis as Holder)[TOKEN];
  if (!expected || !value) return false;
  const given = Buffer.from(value, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface SchedulerOptions {
  times: number[];
  builtAt: number;
  /** Where this server listens, e.g. http://127.0.0.1:3000. */
  origin: string;
  now?: () => number;
  log?: (message: string) => void;
}

export function startPublicationScheduler({ times, builtAt, origin, now = Date.now, log = console.log }: SchedulerOptions) {
  const token = randomBytes(32);
  (globalThis as Holder)[TOKEN] = token;

  async function publish(reason: string) {
    try {
      const response = await fetch(new URL(PUBLISH_PATH, origin), { headers: { [PUBLISH_TOKEN_HEADER]: token.toString("hex") } });
      log(`Publicación programada (${reason}): páginas revalidadas, ${response.status}`);
    } catch (error) {
      log(`Publicación programada (${reason}) fallida: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function scheduleNext() {
    const due = nextPublicationAfter(times, now());
    if (due === undefined) return;
    const timer = setTimeout(async () => {
      if (now() >= due) await publish(new Date(due).toISOString());
      scheduleNext();
    }, Math.min(Math.max(due - now(), 0), MAX_WAIT_MS));
    // A pending publication must not keep a stopping server alive.
    timer.unref();
  }

  if (publishedSinceBuild(times, builtAt, now())) void publish("debida desde la compilación");
  scheduleNext();
}
