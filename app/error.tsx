"use client";

/** Shown when a page fails to render. It says what happened in Spanish and leaks no detail. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-bold tracking-wider text-muted uppercase">Error</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Algo ha fallado</h1>
      <p className="mt-4 text-lg">No hemos podido mostrar esta página. Inténtalo de nuevo en unos momentos.</p>
      <p className="mt-8 flex gap-6 text-lg font-semibold">
        <button type="button" onClick={reset} className="text-accent underline">
          Reintentar
        </button>
        <a href="/">Ir a la portada</a>
      </p>
    </div>
  );
}
