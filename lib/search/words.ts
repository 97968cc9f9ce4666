/**
 * How search reads a text and a query: lowercase words without accents, the common ones left
 * out; and which indexed words a query word finds (itself, the longer words it starts, its
 * singular), in any sorted list of words: the index's, or one text's for highlighting.
 */

/** Words too common to narrow a search, in the site's language and the articles' other one. */
export const STOPWORDS = new Set(
  (
    "a al ante con de del el en es la las lo los o para por que se sin su sus un una uno unos unas y " +
    "an and are as at be by for from in is it of on or that the to was were with"
  ).split(" "),
);

/** Shorter query words match whole words only: "ot" must not find every word that starts so. */
export const MIN_PREFIX_LENGTH = 3;

/** A word: letters (with their accents) and digits. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A text's words, lowercase and as written, accents and all. */
export const writtenWords = (text: string) => text.toLowerCase().match(WORD) ?? [];

/** A word without its accents: how both texts and queries are compared. */
export const withoutAccents = (word: string) => word.normalize("NFD").replace(/\p{M}+/gu, "");

/** Lowercase words without accents, the common ones left out: how both texts and queries are read. */
export function searchWords(text: string): string[] {
  return writtenWords(text)
    .map(withoutAccents)
    .filter((word) => word && !STOPWORDS.has(word));
}

/** The first word in the sorted list that is not before `word`. */
function lowerBound(words: string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The range that holds the indexed word itself: empty if no article has it. */
function exactRange(words: string[], word: string): [number, number] {
  const at = lowerBound(words, word);
  return words[at] === word ? [at, at + 1] : [at, at];
}

/** The range of the indexed words a word starts, itself included. */
function prefixRange(words: string[], word: string): [number, number] {
  const first = lowerBound(words, word);
  let last = first;
  while (last < words.length && words[last]!.startsWith(word)) last++;
  return [first, last];
}

/**
 * What a query word would be if it were a plural: "elecciones" → "eleccion", "leyes" → "ley",
 * "luces" → "luz", "votos" → "voto", "policies" → "policy". Wrong guesses ("lunes" → "lun") are
 * harmless, because these find only themselves, whole, never the words they start.
 */
function singularGuesses(word: string): string[] {
  if (word.length < 4 || !word.endsWith("s")) return [];
  const stem = word.slice(0, -1);
  const guesses = [stem];
  if (stem.endsWith("e")) guesses.push(stem.slice(0, -1));
  if (stem.endsWith("ce")) guesses.push(`${stem.slice(0, -2)}z`);
  if (stem.endsWith("ie")) guesses.push(`${stem.slice(0, -2)}y`);
  return guesses.filter((guess) => guess.length >= MIN_PREFIX_LENGTH);
}

/**
 * The ranges of indexed words a query word finds: itself, the longer words it starts if it is long
 * enough, and its singular if it is a plural.
 */
export function wordRanges(words: string[], word: string): [number, number][] {
  const own = word.length < MIN_PREFIX_LENGTH ? exactRange(words, word) : prefixRange(words, word);
  return [own, ...singularGuesses(word).map((singular) => exactRange(words, singular))];
}
