/**
 * The floor for an article, not a budget: a page prerendered on the article's three dynamic
 * segments, with enough plain text (BARE_FILLER_CHARACTERS, set by the benchmark) to weigh about
 * what the article weighs. Next.js's own cost for route shape and page size shows here.
 */
export const dynamicParams = false;

export function generateStaticParams() {
  return [{ section: "seccion", subsection: "subseccion", slug: "articulo" }];
}

// ASCII, as the site stores its pages (lib/ascii-html.ts): "página" alone would send this page
// down Node's slower path for non-ASCII text and lower the floor.
const PARAGRAPH = "Texto de relleno con el peso de una noticia del sitio, en letras sin tilde. ".repeat(8);
const paragraphs = Math.ceil(Number(process.env.BARE_FILLER_CHARACTERS ?? 0) / PARAGRAPH.length);

export default function ArticleShapedPage() {
  return (
    <main>
      <h1>Una noticia de relleno</h1>
      {Array.from({ length: paragraphs }, (_, index) => (
        <p key={index}>{PARAGRAPH}</p>
      ))}
    </main>
  );
}
