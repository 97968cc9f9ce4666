/** Marking, in a result's headline and description, the words the query found. */
import { WORD, searchWords, withoutAccents, wordRanges } from "./words";

/** A piece of a text: a word that a query's word finds, or what lies between such words. */
export interface TextPiece {
  text: string;
  found: boolean;
}

/**
 * A text cut where the query's words find words in it, by the rules a search follows: in any case
 * and with or without accents, the longer words a query word of three letters or more starts, and
 * its singular, whole. Joined, the pieces are the text.
 */
export function findInText(text: string, query: string): TextPiece[] {
  // The text's words, sorted like the index's, so that a query word finds them as it finds those.
  const textWords = [...new Set(searchWords(text))].sort();
  const found = new Set<string>();
  for (const queryWord of new Set(searchWords(query))) {
    for (const [first, last] of wordRanges(textWords, queryWord)) textWords.slice(first, last).forEach((word) => found.add(word));
  }
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const { 0: written, index } of text.matchAll(WORD)) {
    if (!found.has(withoutAccents(written.toLowerCase()))) continue;
    if (index > from) pieces.push({ text: text.slice(from, index), found: false });
    pieces.push({ text: written, found: true });
    from = index + written.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), found: false });
  return pieces;
}
