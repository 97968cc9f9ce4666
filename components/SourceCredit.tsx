import type { Article } from "@/lib/content/store";
import { site } from "@/lib/site";

const languageNames = new Intl.DisplayNames([site.language], { type: "language" });

/** Credit for a republished piece, with a link to the original publisher. */
export function SourceCredit({ source, language }: { source: NonNullable<Article["source"]>; language: string }) {
  const inAnotherLanguage = language !== site.language;
  return (
    <p className="mt-10 border-y border-rule py-4 text-sm text-muted">
      Publicado originalmente por{" "}
      <a href={source.url} className="underline">
        {source.name}
      </a>
      {inAnotherLanguage && <>, en {languageNames.of(language)}</>}. Gaceta lo republica con su texto original.
    </p>
  );
}
