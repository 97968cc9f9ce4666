/**
 * The search index: for every word of the searchable articles, the articles that contain it, as
 * their places in the timeline (non-draft articles, newest first, as in the store). A query walks
 * only the lists of its words and keeps the places that have them all, so a search costs
 * microseconds per matching article: nothing is scored, and the store orders the matches by their
 * places in its timeline, never by parsing dates.
 */

export interface SearchDocument {
  /** The article's slug. */
  id: string;
  headline: string;
  standfirst: string;
  /** The body as plain text. */
  text: string;
  byline: string;
  section: string;
  /** The names of the article's topics. */
  topics: string;
}

/** Words too common to narrow a search, in the site's language and the articles' other one. */
const STOPWORDS = new Set(
  (
    "a al ante con de del el en es la las lo los o para por que se sin su sus un una uno unos unas y " +
    "an and are as at be by for from in is it of on or that the to was were with"
  ).split(" "),
);

/** Shorter query words match whole words only: "ot" must not find every word that starts so. */
const MIN_PREFIX_LENGTH = 3;

/** Lowercase words without accents, the common ones left out: how both texts and queries are read. */
function searchWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !STOPWORDS.has(word));
}

/** As written to .content/search-index.json. */
interface StoredIndex {
  /** Slugs by place. */
  slugs: string[];
  /** Every word, sorted, so that the words a prefix starts are one range. */
  words: string[];
  /** For each word, the places that contain it, ascending, each as the gap from the one before. */
  places: number[][];
}

export interface SearchIndex {
  slugs: string[];
  words: string[];
  places: Uint32Array[];
}

/** The index as JSON; `documents` in timeline order, so that a place is a position in the timeline. */
export function buildSearchIndex(documents: SearchDocument[]): string {
  const placesOf = new Map<string, number[]>();
  documents.forEach((document, place) => {
    const text = [document.headline, document.standfirst, document.text, document.byline, document.section, document.topics].join(" ");
    for (const word of new Set(searchWords(text))) {
      const places = placesOf.get(word);
      if (places) places.push(place);
      else placesOf.set(word, [place]);
    }
  });
  const words = [...placesOf.keys()].sort();
  const gaps = (places: number[]) => places.map((place, index) => (index === 0 ? place : place - places[index - 1]!));
  const stored: StoredIndex = { slugs: documents.map((document) => document.id), words, places: words.map((word) => gaps(placesOf.get(word)!)) };
  return JSON.stringify(stored);
}

export function loadSearchIndex(json: string): SearchIndex {
  const stored = JSON.parse(json) as StoredIndex;
  const places = stored.places.map((gaps) => {
    const list = new Uint32Array(gaps.length);
    let place = 0;
    gaps.forEach((gap, index) => (list[index] = place += gap));
    return list;
  });
  return { slugs: stored.slugs, words: stored.words, places };
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
function wordRanges(words: string[], word: string): [number, number][] {
  const own = word.length < MIN_PREFIX_LENGTH ? exactRange(words, word) : prefixRange(words, word);
  return [own, ...singularGuesses(word).map((singular) => exactRange(words, singular))];
}

/** Places of the articles that contain every word of the query, ascending: newest first. */
function matchingPlaces(index: SearchIndex, query: string): number[] {
  const queryWords = [...new Set(searchWords(query))];
  if (queryWords.length === 0) return [];
  // How many of the query's words each place has; a place counts once per word, however many
  // indexed words (longer ones, its singular) that query word finds in it.
  const found = new Uint16Array(index.slugs.length);
  for (const [round, word] of queryWords.entries()) {
    for (const [first, last] of wordRanges(index.words, word)) {
      for (let w = first; w < last; w++) {
        for (const place of index.places[w]!) if (found[place] === round) found[place] = round + 1;
      }
    }
  }
  const matches: number[] = [];
  found.forEach((count, place) => {
    if (count === queryWords.length) matches.push(place);
  });
  return matches;
}

/** Slugs of the articles that contain every word of the query, newest first. */
export const matchingSlugs = (index: SearchIndex, query: string): string[] =>
  matchingPlaces(index, query).map((place) => index.slugs[place]!);
