import { notFound } from "next/navigation";
import { JsonLd } from "@/components/JsonLd";
import { SectionFront } from "@/components/SectionFront";
import { getSection } from "@/content/store";
import { sectionListing, topSectionParams } from "@/lib/listing-routes";
import { sectionMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";
import { sectionGraph } from "@/lib/structured-data";

type Props = PageProps<"/[section]">;

export const dynamicParams = false;
export const generateStaticParams = topSectionParams;

export async function generateMetadata({ params }: Props) {
  const listing = sectionListing((await params).section);
  return listing ? withPreviewRobots(sectionMetadata(listing.section, 1)) : {};
}

export default async function SectionPage({ params }: Props) {
  const listing = sectionListing((await params).section);
  if (!listing) notFound();
  return (
    <>
      <SectionFront {...listing} sectionOf={getSection} />
      <JsonLd data={sectionGraph(listing.section, listing.trail, 1)} />
    </>
  );
}
