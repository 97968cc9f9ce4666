/** The framework's floor: the smallest App Router page, built with the site's own next. */
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="es">
      <body>{children}</body>
    </html>
  );
}
