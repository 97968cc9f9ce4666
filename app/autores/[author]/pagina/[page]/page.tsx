import { notFound } from "next/navigation";
import { AuthorFront } from "@/components/AuthorFront";
import { authorListing, authorPageParams, laterPageNumber } from "@/lib/listing-routes";
import { authorMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";

type Props = PageProps<"/autores/[author]/pagina/[page]">;

/** The first pages are prerendered, later ones render on their first request; the request guard sends pages that do not exist to the 404 page. */
export const dynamicParams = true;
export const generateStaticParams = authorPageParams;

async function listingFor(params: Props["params"]) {
  const { author, page } = await params;
  const number = laterPageNumber(page);
  return number ? authorListing(author, number) : null;
}

export async function generateMetadata({ params }: Props) {
  const listing = await listingFor(params);
  return listing ? withPreviewRobots(authorMetadata(listing.author, listing.articles.page)) : {};
}

export default async function AuthorLaterPage({ params }: Props) {
  const listing = await listingFor(params);
  if (!listing) notFound();
  return <AuthorFront {...listing} />;
}
