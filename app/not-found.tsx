import type { Metadata } from "next";
import { SearchForm } from "@/components/SearchForm";
import { SectionLinks } from "@/components/SectionLinks";
import { homePath } from "@/lib/urls";
import { listSections } from "@/lib/content/store";
import { NOINDEX_ROBOTS } from "@/lib/metadata";

export const metadata: Metadata = {
  title: "Página no encontrada",
  robots: NOINDEX_ROBOTS,
};

/** Every unknown address, section, author or article ends here, with status 404. */
export default function NotFound() {
  const sections = listSections().filter((section) => !section.parent);
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <p className="text-sm font-bold tracking-wider text-muted uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold sm:text-5xl">Página no encontrada</h1>
      <p className="mt-4 text-lg">
        La dirección que buscas no existe o ya no está disponible. Puede que el enlace tenga un error o que el artículo todavía no se haya
        publicado.
      </p>
      {/* A reader who followed a broken link usually knows what the article was about. */}
      <SearchForm query="" />
      <ul className="mt-8 space-y-2 text-lg font-semibold">
        <li>
          <a href={homePath()} className="inline-block py-1">
            Ir a la portada
          </a>
        </li>
        <SectionLinks sections={sections} />
      </ul>
    </div>
  );
}
