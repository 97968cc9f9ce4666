import { AuthorCard } from "@/components/AuthorCard";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { listAuthors } from "@/lib/content/store";
import { authorsMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";
import { authorsPath, homePath } from "@/lib/urls";

export async function generateMetadata() {
  return withPreviewRobots(authorsMetadata());
}

export default function AuthorsPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Breadcrumbs
        trail={[
          { name: "Inicio", path: homePath() },
          { name: "Autores", path: authorsPath() },
        ]}
        current="page"
      />
      <h1 className="mt-4 border-b border-rule pb-6 font-serif text-4xl font-bold sm:text-5xl">Autores</h1>
      <ul className="mt-8 grid gap-10 md:grid-cols-2">
        {listAuthors().map((author) => (
          <li key={author.slug}>
            <AuthorCard author={author} headingLevel="h2" />
          </li>
        ))}
      </ul>
    </div>
  );
}
