import type { ReactNode } from "react";

interface FrontHeaderProps {
  name: string;
  description: string;
  page: number;
  /** Anything more the list shows under its description, such as its subsections. */
  children?: ReactNode;
}

/** The head of a list page (section, subsection, topic): its name, the page after the first, its description. */
export function FrontHeader({ name, description, page, children }: FrontHeaderProps) {
  return (
    <header className="mt-4 border-b border-rule pb-6">
      <h1 className="font-serif text-4xl font-bold sm:text-5xl">
        {name}
        {page > 1 && <span className="text-muted">, página {page}</span>}
      </h1>
      <p className="mt-3 max-w-2xl text-lg text-muted">{description}</p>
      {children}
    </header>
  );
}
