import { notFound } from "next/navigation";
import { SectionFront } from "@/components/SectionFront";
import { laterPageNumber, sectionListing, subsectionPageParams } from "@/lib/listing-routes";
import { sectionMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";

type Props = PageProps<"/[section]/[subsection]/pagina/[page]">;

export const dynamicParams = false;
export const generateStaticParams = subsectionPageParams;

async function listingFor(params: Props["params"]) {
  const { section, subsection, page } = await params;
  const path = `${section}/${subsection}`;
  const number = laterPageNumber(page);
  return number ? sectionListing(path, number) : null;
}

export async function generateMetadata({ params }: Props) {
  const listing = await listingFor(params);
  return listing ? withPreviewRobots(sectionMetadata(listing.section, listing.articles.page, listing.parent)) : {};
}

export default async function SubsectionLaterPage({ params }: Props) {
  const listing = await listingFor(params);
  if (!listing) notFound();
  return <SectionFront {...listing} />;
}
