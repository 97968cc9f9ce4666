import type { ArticleState } from "@/lib/content/store";
import { formatDateTime } from "@/lib/dates";
import { exitPreviewPath } from "@/lib/urls";

const describe = (state: ArticleState, publishedAt: string) => {
  switch (state) {
    case "draft":
      return "borrador, no publicado";
    case "scheduled":
      return `programado para el ${formatDateTime(publishedAt)}`;
    case "published":
      return "publicado; así se ve con los cambios guardados";
  }
};

/** Tells the editor this is a private preview, of what, and how to leave it. */
export function PreviewBanner({ slug, state, publishedAt }: { slug: string; state: ArticleState; publishedAt: string }) {
  return (
    <aside aria-label="Vista previa" className="no-print sticky top-0 z-20 border-b-4 border-gold bg-brand text-paper">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
        <p>
          <strong>Vista previa</strong>: {describe(state, publishedAt)}. Solo quien tiene el enlace privado la ve.
        </p>
        {/* A plain link, never prefetched: following it is what ends the preview. */}
        <a href={exitPreviewPath(slug)} className="font-semibold text-paper underline">
          Salir de la vista previa
        </a>
      </div>
    </aside>
  );
}
