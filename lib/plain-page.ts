/**
 * A complete, self-contained Spanish page for answers given outside the React tree (the request
 * guard, a refused preview link): no scripts, its few styles inline, the site's colours.
 */
import { escapeHtml } from "./escape-html";

export function plainPage({ title, paragraphs }: { title: string; paragraphs: string[] }): string {
  return (
    `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} | Gaceta</title>` +
    `<style>:root{color-scheme:light dark}body{margin:0;font:1.125rem/1.6 system-ui,sans-serif;background:#fff;color:#16181d}` +
    `header{border-bottom:1px solid #d5d9e0;padding:1rem}header a{font:700 1.75rem Georgia,serif;color:inherit;text-decoration:none}` +
    `main{max-width:40rem;margin:0 auto;padding:3rem 1rem}h1{font:700 2.25rem/1.2 Georgia,serif}a{color:#1f4fa3}` +
    `@media screen and (prefers-color-scheme:dark){body{background:#111318;color:#eceef1}a{color:#9cc2ff}header{border-color:#2e333d}}</style>` +
    `</head><body><header><a href="/">Gaceta</a></header><main><h1>${escapeHtml(title)}</h1>` +
    paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("") +
    `<p><a href="/">Ir a la portada</a></p></main></body></html>`
  );
}
