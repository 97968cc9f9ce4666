import { notFound } from "next/navigation";
import { AuthorFront } from "@/components/AuthorFront";
import { authorListing, authorParams } from "@/lib/listing-routes";
import { authorMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";

type Props = PageProps<"/autores/[author]">;

export const dynamicParams = false;
export const generateStaticParams = authorParams;

export async function generateMetadata({ params }: Props) {
  const listing = authorListing((await params).author);
  return listing ? withPreviewRobots(authorMetadata(listing.author, 1)) : {};
}

export default async function AuthorPage({ params }: Props) {
  const listing = authorListing((await params).author);
  if (!listing) notFound();
  return <AuthorFront {...listing} />;
}
