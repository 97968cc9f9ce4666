export default function Page() {
  return (
    <main>
      <h1>Página mínima</h1>
      <p>Una página del App Router sin componentes de cliente.</p>
    </main>
  );
}
