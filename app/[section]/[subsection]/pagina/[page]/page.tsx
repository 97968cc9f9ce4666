import { notFound } from "next/navigation";
import { SectionFront } from "@/components/SectionFront";
import { laterPageNumber, sectionListing, subsectionPageParams } from "@/lib/listing-routes";
import { sectionMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";

type Props = PageProps<"/[section]/[subsection]/pagina/[page]">;

/** The first pages are prerendered, later ones render on their first request; the request guard sends pages that do not exist to the 404 page. */
export const dynamicParams = true;
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
