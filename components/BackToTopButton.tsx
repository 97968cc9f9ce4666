import { backToTopScriptPath } from "@/lib/urls";

/**
 * "Volver arriba": a real button, rendered here and hidden until the reader has scrolled; its
 * behaviour is the site's one small script (public/back-to-top.js), loaded without blocking. The
 * page ships no React to the browser for it.
 */
export function BackToTopButton({ topId }: { topId: string }) {
  return (
    <>
      <button
        type="button"
        data-back-to-top={topId}
        hidden
        className="no-print fixed right-4 bottom-4 z-10 flex h-12 w-12 items-center justify-center rounded-full bg-accent text-paper shadow-lg hover:opacity-90 sm:right-6 sm:bottom-6"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-6 w-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M12 19V5M5 12l7-7 7 7" />
        </svg>
        <span className="sr-only">Volver arriba</span>
      </button>
      <script src={backToTopScriptPath()} defer />
    </>
  );
}
