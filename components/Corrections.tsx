import type { Article } from "@/lib/content/store";
import { formatDateTime } from "@/lib/dates";

/**
 * "Fe de errores" under the body: every correction since publication with its time, so readers
 * can tell what changed in the text they may already have read or shared.
 */
export function Corrections({ corrections, language }: { corrections: NonNullable<Article["corrections"]>; language: string }) {
  return (
    <section aria-labelledby="fe-de-errores" className="mt-10 border-l-4 border-accent pl-5">
      <h2 id="fe-de-errores" className="font-serif text-xl font-bold">
        Fe de errores
      </h2>
      <ul className="mt-3 space-y-3">
        {corrections.map((correction, index) => (
          <li key={`${index}-${correction.date}`}>
            <time dateTime={correction.date} className="text-sm font-semibold text-muted">
              {formatDateTime(correction.date)}
            </time>
            <p lang={language} className="mt-1">
              {correction.text}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
