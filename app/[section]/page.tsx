import { notFound } from "next/navigation";
import { SectionFront } from "@/components/SectionFront";
import { sectionListing, topSectionParams } from "@/lib/listing-routes";
import { sectionMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";

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
  return <SectionFront {...listing} />;
}
