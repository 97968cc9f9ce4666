/**
 * Scheduled publication without a rebuild. Pages are prerendered once and served as static files;
 * when an article's time comes, this asks the server (through the internal publish route) to
 * revalidate every page, which then regenerate on their next request.
 *
 * It reads the wall clock on a short, steady tick rather than sleeping until each time: a timer
 * set for a time sleeps through a suspend or a clock jump, while the tick sees at once that a time
 * has passed. Every time that has passed is published by one revalidation, however many fall
 * between two ticks, of the pages rendered before it: at a restart, the pages regenerated since
 * are left alone. A publication that fails or hangs is tried again, at growing intervals,
 * until it succeeds; until then `publishedThrough()` stays behind, so the request guard keeps the
 * article's address on the 404 page instead of letting it reach a page still built without it.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";

export const PUBLISH_PATH = "/api/internal/publish";
export const PUBLISH_TOKEN_HEADER = "x-gaceta-publish-token";
/**
 * Where the scheduler leaves this process's token for the publish route to check: the process's
 * environment, which both see (the server loads this module itself and Next.js compiles the route
 * apart, so a module variable would be two). It is set after start, so no other process ever sees it.
 */
const TOKEN_VARIABLE = "GACETA_PUBLISH_TOKEN";

/** How often the wall clock is read: a publication shows within this, plus the revalidation. */
export const CHECK_EVERY_MS = 5_000;
/** A revalidation that has not answered by then is given up and tried again. */
export const PUBLISH_TIMEOUT_MS = 10_000;
/** The wait before the first retry; it doubles with each failure, up to MAX_RETRY_MS. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 60_000;

/** The latest publication time in (after, now], if any: what one revalidation at `now` covers. */
export function latestDue(times: number[], after: number, now: number): number | undefined {
  let latest: number | undefined;
  for (const time of times) if (time > after && time <= now && (latest === undefined || time > latest)) latest = time;
  return latest;
}

/** How long to wait after the `failures`-th failure in a row. */
export const retryDelay = (failures: number) => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);

/** True only for the token of this server process, which never leaves it. */
export function isPublishToken(value: string | null): boolean {
  const stored = process.env[TOKEN_VARIABLE];
  if (!stored || !value) return false;
  const expected = Buffer.from(stored, "hex");
  const given = Buffer.from(value, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Asks the server to revalidate every page rendered before `due`, the latest time published;
 * resolves with the HTTP status and the pages to ask for at once (the most recently rendered).
 */
export type PublishRequest = (due: number, signal: AbortSignal) => Promise<{ status: number; warm: string[] }>;

/**
 * Pages a publication asks for at once, the most recently rendered first: each regenerates then,
 * not on a reader's request, so that a shared cache in front, which refreshes a page every 30 s,
 * gets the new one at its first refresh rather than the stale copy. The rest regenerate on their
 * next request, as an archive's pages seldom read should.
 */
export const WARMED_PAGES = 200;

export interface SchedulerOptions {
  /** Every article's publication time (ms). */
  times: number[];
  /** When the pages were built: times up to it are already in them. */
  builtAt: number;
  /** Where this server listens, e.g. http://127.0.0.1:3000; unused when `publish` is given. */
  origin?: string;
  now?: () => number;
  log?: (message: string) => void;
  /** How a publication reaches the server; by default, a request to the internal publish route. */
  publish?: PublishRequest;
  /**
   * Whether to read the clock every CHECK_EVERY_MS, the first time one interval after the start,
   * when the server listens; tests call `check()` themselves instead.
   */
  tick?: boolean;
}

export interface PublicationScheduler {
  /** Every publication time up to this one is live: its pages have been revalidated. */
  publishedThrough(): number;
  /** Reads the clock and publishes what has come due; resolves when that attempt has ended. */
  check(): Promise<void>;
  stop(): void;
}

function requestPublication(origin: string, token: Buffer): PublishRequest {
  return async (due, signal) => {
    const url = new URL(`${PUBLISH_PATH}?before=${due}`, origin);
    const response = await fetch(url, { headers: { [PUBLISH_TOKEN_HEADER]: token.toString("hex") }, signal });
    const answer = response.status === 200 ? ((await response.json()) as { warm?: unknown }) : (await response.body?.cancel(), {});
    const warm = Array.isArray(answer.warm) ? answer.warm.filter((page): page is string => typeof page === "string") : [];
    return { status: response.status, warm };
  };
}

/** Asks this server for each page, two at a time; a page that fails is left to its next reader. */
async function warmPages(origin: string, pages: string[]) {
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const page = pages[next++]!;
      await fetch(new URL(page, origin), { signal: AbortSignal.timeout(PUBLISH_TIMEOUT_MS) })
        .then((response) => response.body?.cancel())
        .catch(() => undefined);
    }
  };
  await Promise.all([worker(), worker()]);
}

export function startPublicationScheduler(options: SchedulerOptions): PublicationScheduler {
  const { times, builtAt, now = Date.now, log = console.log, tick = true } = options;
  const token = randomBytes(32);
  process.env[TOKEN_VARIABLE] = token.toString("hex");
  const origin = options.origin ?? "http://127.0.0.1:3000";
  const publish = options.publish ?? requestPublication(origin, token);
  let through = builtAt;
  let failures = 0;
  let retryAt = -Infinity;
  let running: Promise<void> | undefined;

  async function attempt(due: number) {
    const label = new Date(due).toISOString();
    try {
      const { status, warm } = await publish(due, AbortSignal.timeout(PUBLISH_TIMEOUT_MS));
      if (status < 200 || status >= 300) throw new Error(`respuesta ${status}`);
      through = Math.max(through, due);
      failures = 0;
      log(`Publicación programada (${label}): páginas revalidadas`);
      // After `through` moves on: until then the request guard still hides the article's page.
      await warmPages(origin, warm);
    } catch (error) {
      failures += 1;
      retryAt = now() + retryDelay(failures);
      const reason = error instanceof Error ? error.message : String(error);
      log(`Publicación programada (${label}) fallida: ${reason}; nuevo intento en ${retryDelay(failures) / 1000} s`);
    }
  }

  function check(): Promise<void> {
    if (running) return running;
    const at = now();
    const due = at >= retryAt ? latestDue(times, through, at) : undefined;
    if (due === undefined) return Promise.resolve();
    running = attempt(due).finally(() => (running = undefined));
    return running;
  }

  const timer = tick ? setInterval(() => void check(), CHECK_EVERY_MS) : undefined;
  // Waiting for a publication must not keep a stopping server alive.
  timer?.unref();
  return { publishedThrough: () => through, check, stop: () => clearInterval(timer) };
}
