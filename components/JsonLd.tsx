import type { Graph } from "schema-dts";
import { serializeJsonLd } from "@/lib/structured-data";

/** Structured data, escaped so that no text from content can close the script element. */
export function JsonLd({ data }: { data: Graph }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
