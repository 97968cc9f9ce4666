import { notFound } from "next/navigation";
import { TopicFront } from "@/components/TopicFront";
import { topicListing, topicParams } from "@/lib/listing-routes";
import { topicMetadata } from "@/lib/metadata";
import { withPreviewRobots } from "@/lib/preview-mode";

type Props = PageProps<"/temas/[topic]">;

export const dynamicParams = false;
export const generateStaticParams = topicParams;

export async function generateMetadata({ params }: Props) {
  const listing = topicListing((await params).topic);
  return listing ? withPreviewRobots(topicMetadata(listing.topic, 1)) : {};
}

export default async function TopicPage({ params }: Props) {
  const listing = topicListing((await params).topic);
  if (!listing) notFound();
  return <TopicFront {...listing} />;
}
