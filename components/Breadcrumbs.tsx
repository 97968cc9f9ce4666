import type { Crumb } from "@/lib/breadcrumbs";

/**
 * The section trail. Its last crumb is where the reader is: the page itself on section pages
 * (`aria-current="page"`), the article's subsection on article pages (`aria-current="location"`).
 */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: "page" | "location" }) {
  return (
    <nav aria-label="Ruta de navegación" className="text-sm font-semibold">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {trail.map((crumb, index) => {
          const isLast = index === trail.length - 1;
          return (
            <li key={crumb.path} className="flex items-center gap-x-2">
              {index > 0 && (
                <span aria-hidden="true" className="text-muted">
                  ›
                </span>
              )}
              <a
                href={crumb.path}
                aria-current={isLast ? current : undefined}
                className={`inline-block py-1 ${isLast ? "text-accent" : "text-muted"}`}
              >
                {crumb.name}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
