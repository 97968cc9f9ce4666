import { notFound } from "next/navigation";
import { SectionFront } from "@/components/SectionFront";
import { sectionListing, subsectionParams } from "@/lib/listing-routes";
import { sectionMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";

type Props = PageProps<"/[section]/[subsection]">;

export const dynamicParams = false;
export const generateStaticParams = subsectionParams;

async function listingFor(params: Props["params"]) {
  const { section, subsection } = await params;
  return sectionListing(`${section}/${subsection}`);
}

export async function generateMetadata({ params }: Props) {
  const listing = await listingFor(params);
  return listing ? withPreviewRobots(sectionMetadata(listing.section, 1, listing.parent)) : {};
}

export default async function SubsectionPage({ params }: Props) {
  const listing = await listingFor(params);
  if (!listing) notFound();
  return <SectionFront {...listing} />;
}
