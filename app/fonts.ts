import localFont from "next/font/local";

/**
 * Source Serif 4, Latin subset (Spanish, English, curly quotes and dashes), self-hosted from
 * @fontsource: only the two weights the site sets, body (400) and headlines (700). The two
 * static faces weigh 42 KB where the variable font, every weight from 200 to 900, weighed
 * 51 KB, and they are preloaded ahead of the lead image on a slow connection.
 */
export const sourceSerif = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-source-serif",
  display: "swap",
  fallback: ["Georgia", "Times New Roman", "serif"],
  adjustFontFallback: "Times New Roman",
});

/** Italics are rare on the site: not preloaded, fetched only by a page that shows them. */
export const sourceSerifItalic = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-italic.woff2", weight: "700", style: "italic" },
  ],
  variable: "--font-source-serif-italic",
  display: "swap",
  adjustFontFallback: "Times New Roman",
  preload: false,
});
