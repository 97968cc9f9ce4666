import type { Section } from "@/lib/content/store";
import { site } from "@/lib/site";
import { authorsPath, feedPath, topicsPath } from "@/lib/urls";
import { SectionLinks } from "./SectionLinks";

/** `hasTopics`: whether to link the topics page, which a site filing by section alone has not. */
export function SiteFooter({ sections, hasTopics }: { sections: Section[]; hasTopics: boolean }) {
  return (
    <footer className="mt-16 border-t border-rule bg-surface">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm sm:grid-cols-3">
        <div>
          <p className="font-serif text-2xl font-bold">{site.name}</p>
          <p className="mt-2 text-muted">{site.description}</p>
        </div>
        <nav aria-label="Secciones del sitio">
          <h2 className="font-semibold">Secciones</h2>
          <ul className="mt-2 space-y-1">
            <SectionLinks sections={sections} />
          </ul>
        </nav>
        <nav aria-label="Más de Gaceta">
          <h2 className="font-semibold">Más</h2>
          <ul className="mt-2 space-y-1">
            <li>
              <a href={authorsPath()} className="inline-block py-1">
                Autores
              </a>
            </li>
            {hasTopics && (
              <li>
                <a href={topicsPath()} className="inline-block py-1">
                  Temas
                </a>
              </li>
            )}
            <li>
              <a href={feedPath()} className="inline-block py-1">
                Fuente RSS
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <p className="mx-auto max-w-6xl px-4 pb-8 text-xs text-muted">
        © {new Date().getFullYear()} {site.name}. Los artículos republicados pertenecen a sus editores originales.
      </p>
    </footer>
  );
}
