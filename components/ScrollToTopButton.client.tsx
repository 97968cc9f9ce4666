"use client";

import { useEffect, useState } from "react";

/**
 * "Volver arriba": appears once the reader has scrolled a screen down, scrolls back to the top
 * (instantly when they prefer reduced motion) and moves keyboard focus to the top of the page,
 * so the next Tab starts from the header again.
 */
export function ScrollToTopButton({ topId }: { topId: string }) {
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const update = () => setVisible(window.scrollY > window.innerHeight * 0.75);
    update();
    window.addEventListener("scroll", update, { passive: true });
    return () => window.removeEventListener("scroll", update);
  }, []);

  function backToTop() {
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    window.scrollTo({ top: 0, behavior: reduceMotion ? "auto" : "smooth" });
    document.getElementById(topId)?.focus({ preventScroll: true });
  }

  return (
    <button
      type="button"
      onClick={backToTop}
      hidden={!visible}
      className="no-print fixed right-4 bottom-4 z-10 flex h-12 w-12 items-center justify-center rounded-full bg-accent text-paper shadow-lg hover:opacity-90 sm:right-6 sm:bottom-6"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 19V5M5 12l7-7 7 7" />
      </svg>
      <span className="sr-only">Volver arriba</span>
    </button>
  );
}
