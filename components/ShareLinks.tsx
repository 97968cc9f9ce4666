import type { ShareLink } from "@/lib/share-links";

/** "Compartir": one plain link a network, no scripts or buttons from them on the page. */
export function ShareLinks({ links }: { links: ShareLink[] }) {
  return (
    <div className="no-print mt-10 flex flex-wrap items-center gap-2 text-sm">
      <span aria-hidden="true" className="mr-1 font-semibold text-muted">
        Compartir
      </span>
      <ul aria-label="Compartir este artículo" className="share-links flex flex-wrap gap-2">
        {links.map(({ label, href }) => (
          <li key={label}>
            <a href={href} rel="noreferrer">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
