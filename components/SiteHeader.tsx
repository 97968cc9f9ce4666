import type { Section } from "@/lib/content/store";
import { site } from "@/lib/site";
import { homePath, searchPath } from "@/lib/urls";
import { SectionLinks } from "./SectionLinks";

export const PAGE_TOP_ID = "arriba";

export function SiteHeader({ sections }: { sections: Section[] }) {
  return (
    <header id={PAGE_TOP_ID} tabIndex={-1} className="border-b border-rule">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 pt-5 pb-3 sm:flex-row sm:items-end sm:justify-between">
        <a href={homePath()} className="group inline-flex items-center gap-3 text-ink no-underline">
          <svg aria-hidden="true" viewBox="0 0 64 64" className="h-10 w-10 shrink-0">
            <rect width="64" height="64" rx="12" fill="#0b1f3a" />
            <path
              d="M46 22.5A16 16 0 1 0 48 34H33"
              fill="none"
              stroke="#ffcf5c"
              strokeWidth="7"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="font-serif text-4xl leading-none font-bold tracking-tight group-hover:underline">{site.name}</span>
        </a>
        <p className="text-sm text-muted">{site.tagline}</p>
      </div>
      <nav aria-label="Secciones" className="mx-auto max-w-6xl px-4">
        {/* Narrower gaps on a phone: at 390 px "Buscar" stays on the line of the sections. */}
        <ul className="flex flex-wrap gap-x-4 gap-y-1 py-2 text-[0.95rem] font-semibold sm:gap-x-6">
          <li>
            <a href={homePath()} className="inline-block py-1.5 text-ink">
              Portada
            </a>
          </li>
          <SectionLinks sections={sections} linkClassName="inline-block py-1.5 text-ink" />
          <li className="ml-auto">
            <a href={searchPath()} className="inline-block py-1.5 text-ink">
              Buscar
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
