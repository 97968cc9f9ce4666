/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installRequestGuard } = await import("./lib/request-guard");
  installRequestGuard();
  const [{ startPublicationScheduler }, { compiledAt, publicationTimes }] = await Promise.all([
    import("./lib/publication-schedule"),
    import("./content/store"),
  ]);
  startPublicationScheduler({
    times: publicationTimes(),
    builtAt: compiledAt(),
    origin: process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
  });
}
