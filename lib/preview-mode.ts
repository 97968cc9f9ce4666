/**
 * Draft mode as the pages see it. Next.js's draft mode alone would show every draft to anyone
 * holding its cookie; the signed preview cookie narrows it to the article the link was made for.
 */
import type { Metadata } from "next";
import { cookies, draftMode } from "next/headers";
import { cache } from "react";
import { NOINDEX_ROBOTS } from "./metadata";
import { PREVIEW_COOKIE, readPreviewSecret, verifyPreviewQuery } from "./preview";

/** The slug this request may preview, or null. Outside draft mode it reads no cookie, so pages stay static. */
export const previewedSlug = cache(async (): Promise<string | null> => {
  if (!(await draftMode()).isEnabled) return null;
  const secret = readPreviewSecret();
  const token = (await cookies()).get(PREVIEW_COOKIE)?.value;
  if (!secret.ok || !token) return null;
  const grant = verifyPreviewQuery(token, secret.secret);
  return grant.ok ? grant.slug : null;
});

/** Every page rendered in draft mode asks not to be indexed. */
export async function withPreviewRobots(metadata: Metadata): Promise<Metadata> {
  return (await draftMode()).isEnabled ? { ...metadata, robots: NOINDEX_ROBOTS } : metadata;
}
