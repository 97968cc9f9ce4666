import { notFound } from "next/navigation";
import { TopicFront } from "@/components/TopicFront";
import { laterPageNumber, topicListing, topicPageParams } from "@/lib/listing-routes";
import { topicMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";

type Props = PageProps<"/temas/[topic]/pagina/[page]">;

/** The first pages are prerendered, later ones render on their first request; the request guard sends pages that do not exist to the 404 page. */
export const dynamicParams = true;
export const generateStaticParams = topicPageParams;

async function listingFor(params: Props["params"]) {
  const { topic, page } = await params;
  const number = laterPageNumber(page);
  return number ? topicListing(topic, number) : null;
}

export async function generateMetadata({ params }: Props) {
  const listing = await listingFor(params);
  return listing ? withPreviewRobots(topicMetadata(listing.topic, listing.articles.page)) : {};
}

export default async function TopicLaterPage({ params }: Props) {
  const listing = await listingFor(params);
  if (!listing) notFound();
  return <TopicFront {...listing} />;
}
