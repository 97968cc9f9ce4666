/** ASCII text, as the site stores its pages (lib/ascii-html.ts), so that the floor is not lowered by Node's non-ASCII path. */
export default function Page() {
  return (
    <main>
      <h1>Hola</h1>
      <p>Una ruta del App Router sin componentes de cliente.</p>
    </main>
  );
}
