/**
 * A value kept for as long as the state it was made from: `build` runs again only when `key`
 * changes. For what every request would otherwise rebuild from the whole archive (the sitemap),
 * keyed by the state of the public content (lib/content/store.ts, publicContentVersion).
 */
export function keptWhile<A extends unknown[], T>(build: (...args: A) => T): (key: string, ...args: A) => T {
  let kept: { key: string; value: T } | undefined;
  return (key, ...args) => {
    if (kept?.key !== key) kept = { key, value: build(...args) };
    return kept.value;
  };
}
