/**
 * A page rendered on each request, as the site's search results are. The benchmark asks one of
 * the bare page's servers for it once: on Node 20, the first page Next.js renders on request
 * turns on async hooks for every later request of that process (docs/performance.md).
 */
import { connection } from "next/server";

export default async function RenderedPage() {
  await connection();
  return (
    <main>
      <p>Una respuesta hecha a medida.</p>
    </main>
  );
}
