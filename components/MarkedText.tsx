import { findInText } from "@/lib/search/highlighting";

/** A text with the words a search query finds in it marked, so a reader sees why it matched. */
export function MarkedText({ text, query }: { text: string; query: string }) {
  return findInText(text, query).map((piece, index) => (piece.found ? <mark key={index}>{piece.text}</mark> : piece.text));
}
