/** Previous and next pages of a list, with where the reader is. */
export function Pagination({ page, totalPages, pathFor }: { page: number; totalPages: number; pathFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Paginación" className="mt-12 flex items-center justify-between border-t border-rule pt-4 text-sm font-semibold">
      {page > 1 ? (
        <a href={pathFor(page - 1)} rel="prev" className="inline-block py-2">
          ← Más recientes
        </a>
      ) : (
        <span />
      )}
      <p className="text-muted">
        Página {page} de {totalPages}
      </p>
      {page < totalPages ? (
        <a href={pathFor(page + 1)} rel="next" className="inline-block py-2">
          Anteriores →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
