import type { Section } from "@/lib/content/store";
import { sectionPath } from "@/lib/urls";

/** One list item with a link per section, for the navigation lists that name them. */
export function SectionLinks({ sections, linkClassName = "inline-block py-1" }: { sections: Section[]; linkClassName?: string }) {
  return (
    <>
      {sections.map((section) => (
        <li key={section.path}>
          <a href={sectionPath(section.path)} className={linkClassName}>
            {section.name}
          </a>
        </li>
      ))}
    </>
  );
}
