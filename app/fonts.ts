import localFont from "next/font/local";

/**
 * Source Serif 4, Latin subset (Spanish, English, curly quotes and dashes), self-hosted from
 * @fontsource: only the two weights the site sets, body (400) and headlines (700). The two
 * static faces weigh 42 KB where the variable font, every weight from 200 to 900, weighed 51 KB.
 *
 * Neither preloaded nor swapped in (`display: "optional"`): on a slow phone the faces are twice
 * the bytes of the rest of the page, and preloaded they share the connection with the lead image
 * and the stylesheet. A face that is not there within about 100 ms of being needed waits in the
 * cache for the next page instead of moving the text the reader has begun; the fallback is Times
 * New Roman resized to the face's metrics, so nothing shifts either way. The measurements are in
 * docs/performance.md.
 */
export const sourceSerif = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-source-serif",
  display: "optional",
  fallback: ["Georgia", "Times New Roman", "serif"],
  adjustFontFallback: "Times New Roman",
  preload: false,
});

/** Italics are rare on the site: fetched only by a page that shows them. */
export const sourceSerifItalic = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-italic.woff2", weight: "700", style: "italic" },
  ],
  variable: "--font-source-serif-italic",
  display: "optional",
  adjustFontFallback: "Times New Roman",
  preload: false,
});
