import { getImageProps } from "next/image";
import type { Author } from "@/lib/content/store";
import { authorPath, socialProfileUrl } from "@/lib/urls";

const NETWORK_NAMES = {
  x: "X (Twitter)",
  bluesky: "Bluesky",
  mastodon: "Mastodon",
  linkedin: "LinkedIn",
  instagram: "Instagram",
  website: "Sitio web",
} as const;

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();

function AuthorPhoto({ author }: { author: Author }) {
  if (!author.photo) {
    return (
      <span
        aria-hidden="true"
        className="flex h-16 w-16 shrink-0 items-center justify-center rounded-full bg-brand font-serif text-xl font-bold text-paper"
      >
        {initialsOf(author.name)}
      </span>
    );
  }
  const { props } = getImageProps({ src: author.photo.src, alt: author.photo.alt, width: 64, height: 64, sizes: "64px" });
  // eslint-disable-next-line @next/next/no-img-element -- props come from next/image's getImageProps
  return <img {...props} alt={author.photo.alt} className="h-16 w-16 shrink-0 rounded-full object-cover" />;
}

/**
 * Photo (or initials), name, bio and social profiles. On an article the name links to the
 * author's page; on that page it is the heading.
 */
export function AuthorCard({ author, headingLevel }: { author: Author; headingLevel: "h1" | "h2" }) {
  const Heading = headingLevel;
  const onAuthorPage = headingLevel === "h1";
  return (
    <div className="flex gap-4">
      <AuthorPhoto author={author} />
      <div>
        <Heading className={onAuthorPage ? "font-serif text-4xl font-bold" : "font-serif text-xl font-bold"}>
          {onAuthorPage ? author.name : <a href={authorPath(author.slug)}>{author.name}</a>}
        </Heading>
        <p lang={author.bioLanguage} className="mt-1 leading-relaxed">
          {author.bio}
        </p>
        {author.social.length > 0 && (
          <ul aria-label={`${author.name} en redes`} className="mt-2 flex flex-wrap gap-x-4 text-sm">
            {author.social.map(({ network, handle }) => (
              <li key={`${network}:${handle}`}>
                <span className="text-muted">{NETWORK_NAMES[network]}: </span>
                <a href={socialProfileUrl(network, handle)} className="inline-block py-1 font-semibold underline">
                  {handle}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
