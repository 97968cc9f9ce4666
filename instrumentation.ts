/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installRequestGuard } = await import("./lib/request-guard");
    installRequestGuard();
  }
}
