/**
 * The floor for an article, not a budget: pages prerendered on the article's three dynamic
 * segments. `articulo` carries enough plain text (BARE_FILLER_CHARACTERS, set by the benchmark)
 * to weigh about what the article weighs; `breve` weighs what the bare home page does. Between
 * them and the bare home page, Next.js's own cost for a dynamic route and for page size shows.
 */
import BarePage from "../../../page";

export const dynamicParams = false;

const FILLED_SLUG = "articulo";

export function generateStaticParams() {
  return [FILLED_SLUG, "breve"].map((slug) => ({ section: "seccion", subsection: "subseccion", slug }));
}

// ASCII, as the site stores its pages (lib/ascii-html.ts): "página" alone would send this page
// down Node's slower path for non-ASCII text and lower the floor.
const PARAGRAPH = "Texto de relleno con el peso de una noticia del sitio, en letras sin tilde. ".repeat(8);
const paragraphs = Math.ceil(Number(process.env.BARE_FILLER_CHARACTERS ?? 0) / PARAGRAPH.length);

export default async function ArticleShapedPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (slug !== FILLED_SLUG) return <BarePage />;
  return (
    <main>
      <h1>Una noticia de relleno</h1>
      {Array.from({ length: paragraphs }, (_, index) => (
        <p key={index}>{PARAGRAPH}</p>
      ))}
    </main>
  );
}
