import type { Metadata, Viewport } from "next";
import { BackToTopButton } from "@/components/BackToTopButton";
import { PAGE_TOP_ID, SiteHeader } from "@/components/SiteHeader";
import { SiteFooter } from "@/components/SiteFooter";
import { listSections, listTopics } from "@/lib/content/store";
import { PUBLIC_ROBOTS } from "@/lib/metadata";
import { site } from "@/lib/site";
import { sourceSerif, sourceSerifItalic } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: site.url,
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.description,
  applicationName: site.name,
  robots: PUBLIC_ROBOTS,
  formatDetection: { telephone: false, email: false, address: false },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111318" },
  ],
};

export default function RootLayout({ children }: LayoutProps<"/">) {
  const sections = listSections().filter((section) => !section.parent);
  return (
    <html lang={site.language} className={`${sourceSerif.variable} ${sourceSerifItalic.variable}`}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenido"
          className="sr-only z-20 bg-paper px-4 py-3 font-semibold focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Saltar al contenido
        </a>
        <SiteHeader sections={sections} />
        <main id="contenido" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter sections={sections} hasTopics={listTopics().length > 0} />
        <BackToTopButton topId={PAGE_TOP_ID} />
      </body>
    </html>
  );
}
