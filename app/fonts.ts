import localFont from "next/font/local";

/**
 * Source Serif 4 (variable weight, Latin subset: Spanish, English, curly quotes and dashes),
 * self-hosted from @fontsource. Only the upright face is preloaded; italics arrive when used.
 */
export const sourceSerif = localFont({
  src: [
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2", weight: "200 900", style: "normal" },
  ],
  variable: "--font-source-serif",
  display: "swap",
  fallback: ["Georgia", "Times New Roman", "serif"],
});

export const sourceSerifItalic = localFont({
  src: [
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2", weight: "200 900", style: "italic" },
  ],
  variable: "--font-source-serif-italic",
  display: "swap",
  preload: false,
});
