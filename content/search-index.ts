/**
 * The search index: for every word of the searchable articles, the articles that contain it, as
 * their places in the timeline (non-draft articles, newest first, as in the store), and which of
 * them have it in the headline or standfirst. A query walks only the lists of its words and keeps
 * the places that have them all, so a search costs microseconds per matching article: the store
 * orders the matches by their places in its timeline, never by parsing dates, and the only score
 * is how many of the query's words a match has in its headline or standfirst.
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

/** A word: letters (with their accents) and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A text's words, lowercase and as written, accents and all. */
const writtenWords = (text: string) => text.toLowerCase().match(WORD) ?? [];

/** A word without its accents: how both texts and queries are compared. */
const withoutAccents = (word: string) => word.normalize("NFD").replace(/\p{M}+/gu, "");

/** Lowercase words without accents, the common ones left out: how both texts and queries are read. */
function searchWords(text: string): string[] {
  return writtenWords(text)
    .map(withoutAccents)
    .filter((word) => word && !STOPWORDS.has(word));
}

/** As written to .content/search-index.json. */
interface StoredIndex {
  /** Slugs by place. */
  slugs: string[];
  /** Every word, sorted, so that the words a prefix starts are one range. */
  words: string[];
  /**
   * For each word, the places that contain it, ascending, each as the gap from the one before,
   * doubled, plus one where the word is in the headline or standfirst.
   */
  places: number[][];
  /** How the articles first (the oldest of them) wrote the words they write with accents, for suggestions to show. */
  spellings: Record<string, string>;
}

export interface SearchIndex {
  slugs: string[];
  words: string[];
  places: Uint32Array[];
  /** For each word, the places that have it in the headline or standfirst. */
  prominentPlaces: Uint32Array[];
  spellings: Map<string, string>;
}

/** The index as JSON; `documents` in timeline order, so that a place is a position in the timeline. */
export function buildSearchIndex(documents: SearchDocument[]): string {
  const placesOf = new Map<string, { place: number; prominent: boolean }[]>();
  const spellings = new Map<string, string>();
  documents.forEach((document, place) => {
    const prominentWords = new Set(searchWords(`${document.headline} ${document.standfirst}`));
    const text = [document.headline, document.standfirst, document.text, document.byline, document.section, document.topics].join(" ");
    for (const written of new Set(writtenWords(text))) {
      const word = withoutAccents(written);
      if (!word || STOPWORDS.has(word)) continue;
      // The oldest article's spelling wins, accents or none: never a newer, maybe scheduled, one's.
      if (word !== written) spellings.set(word, written);
      else spellings.delete(word);
      const places = placesOf.get(word);
      // Written two ways in one article ("elección", "eleccion"), a word is still one place.
      if (places?.at(-1)?.place === place) continue;
      const entry = { place, prominent: prominentWords.has(word) };
      if (places) places.push(entry);
      else placesOf.set(word, [entry]);
    }
  });
  const words = [...placesOf.keys()].sort();
  const encode = (entries: { place: number; prominent: boolean }[]) =>
    entries.map(({ place, prominent }, index) => (place - (index === 0 ? 0 : entries[index - 1]!.place)) * 2 + (prominent ? 1 : 0));
  const stored: StoredIndex = {
    slugs: documents.map((document) => document.id),
    words,
    places: words.map((word) => encode(placesOf.get(word)!)),
    spellings: Object.fromEntries(spellings),
  };
  return JSON.stringify(stored);
}

export function loadSearchIndex(json: string): SearchIndex {
  const stored = JSON.parse(json) as StoredIndex;
  const places: Uint32Array[] = [];
  const prominentPlaces: Uint32Array[] = [];
  for (const encoded of stored.places) {
    const all = new Uint32Array(encoded.length);
    const prominent: number[] = [];
    let place = 0;
    encoded.forEach((value, index) => {
      all[index] = place += value >>> 1;
      if (value & 1) prominent.push(place);
    });
    places.push(all);
    prominentPlaces.push(Uint32Array.from(prominent));
  }
  return { slugs: stored.slugs, words: stored.words, places, prominentPlaces, spellings: new Map(Object.entries(stored.spellings)) };
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

/** An article that contains every word of a query. */
export interface SearchMatch {
  slug: string;
  /** How many of the query's words it has in its headline or standfirst. */
  prominence: number;
}

/** The articles that contain every word of the query, newest first. */
export function searchMatches(index: SearchIndex, query: string): SearchMatch[] {
  const queryWords = [...new Set(searchWords(query))];
  if (queryWords.length === 0) return [];
  // How many of the query's words each place has, and how many in its headline or standfirst; a
  // place counts once per word, however many indexed words (longer ones, its singular) that query
  // word finds in it.
  const found = new Uint16Array(index.slugs.length);
  const prominence = new Uint16Array(index.slugs.length);
  const prominentIn = new Uint16Array(index.slugs.length);
  for (const [round, word] of queryWords.entries()) {
    const ranges = wordRanges(index.words, word);
    for (const [first, last] of ranges) {
      for (let w = first; w < last; w++) {
        for (const place of index.places[w]!) if (found[place] === round) found[place] = round + 1;
      }
    }
    for (const [first, last] of ranges) {
      for (let w = first; w < last; w++) {
        for (const place of index.prominentPlaces[w]!) {
          if (found[place] === round + 1 && prominentIn[place] !== round + 1) {
            prominentIn[place] = round + 1;
            prominence[place]!++;
          }
        }
      }
    }
  }
  const matches: SearchMatch[] = [];
  found.forEach((count, place) => {
    if (count === queryWords.length) matches.push({ slug: index.slugs[place]!, prominence: prominence[place]! });
  });
  return matches;
}

/** Slugs of the articles that contain every word of the query, newest first. */
export const matchingSlugs = (index: SearchIndex, query: string): string[] => searchMatches(index, query).map((match) => match.slug);

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

/** Slips forgiven in a query word: none below four letters, one up to seven, two beyond. */
const forgivenSlips = (word: string) => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

/** Rows of slipsBetween's table, reused by every call: allocating them was most of its time. */
let tableRows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Letters to insert, delete, change or swap with the next one to turn one word into another
 * (optimal string alignment distance); `limit + 1` as soon as it must be more than `limit`.
 */
export function slipsBetween(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (tableRows[0]!.length <= b.length) tableRows = tableRows.map(() => new Int32Array(2 * b.length + 2));
  // The row being filled and the two above it, in turn.
  let [twoRowsUp, rowUp, row] = tableRows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) rowUp[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let fewest = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
      let slips = Math.min(rowUp[j]! + 1, row[j - 1]! + 1, rowUp[j - 1]! + (same ? 0 : 1));
      if (!same && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        slips = Math.min(slips, twoRowsUp[j - 2]! + 1);
      }
      row[j] = slips;
      if (slips < fewest) fewest = slips;
    }
    if (fewest > limit) return limit + 1;
    const filled = row;
    row = twoRowsUp;
    twoRowsUp = rowUp;
    rowUp = filled;
  }
  return Math.min(rowUp[b.length]!, limit + 1);
}

/** Whether the article at a place in the index is public now: scheduled ones are not. */
export type PublicPlace = (place: number) => boolean;

const everyPlace: PublicPlace = () => true;

/** How many of a word's places are public. */
function publicCount(places: Uint32Array, isPublic: PublicPlace): number {
  let count = 0;
  for (const place of places) if (isPublic(place)) count++;
  return count;
}

/**
 * The indexed word nearest to one no public article has, the one in most public articles on a
 * tie. Words that only scheduled articles have are no candidates, so a suggestion tells nothing of
 * them.
 */
function nearestWord(index: SearchIndex, word: string, isPublic: PublicPlace): string | undefined {
  const limit = forgivenSlips(word);
  if (limit === 0) return undefined;
  let nearest: { word: string; slips: number; articles: number } | undefined;
  for (let w = 0; w < index.words.length; w++) {
    const candidate = index.words[w]!;
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const slips = slipsBetween(word, candidate, limit);
    if (slips > limit || (nearest && slips > nearest.slips)) continue;
    const articles = publicCount(index.places[w]!, isPublic);
    if (articles === 0 || (nearest && slips === nearest.slips && articles <= nearest.articles)) continue;
    nearest = { word: candidate, slips, articles };
  }
  return nearest?.word;
}

/** More words that find nothing than this are no slip of the fingers, and each costs a scan of every word. */
const MAX_RESPELLED_WORDS = 3;

/**
 * The query as typed, with each word that finds nothing replaced by the nearest indexed word, as
 * the articles write it ("injerncia" → "injerencia", "eleccon" → "elección"); undefined when no
 * word needed or found a replacement, or more than MAX_RESPELLED_WORDS would need one. Only public
 * articles count, both for finding a word and for suggesting one: the answer is the same as if
 * the scheduled articles did not exist.
 */
export function respelledQuery(index: SearchIndex, query: string, isPublic: PublicPlace = everyPlace): string | undefined {
  const findsNothing = (word: string) =>
    !STOPWORDS.has(word) &&
    !wordRanges(index.words, word).some(([first, last]) => {
      for (let w = first; w < last; w++) if (index.places[w]!.some(isPublic)) return true;
      return false;
    });
  const unfound = new Set(writtenWords(query).map(withoutAccents).filter(findsNothing));
  if (unfound.size > MAX_RESPELLED_WORDS) return undefined;
  const respellings = new Map<string, string>();
  for (const word of unfound) {
    const nearest = nearestWord(index, word, isPublic);
    if (nearest) respellings.set(word, index.spellings.get(nearest) ?? nearest);
  }
  if (respellings.size === 0) return undefined;
  return query.replace(WORD, (written) => respellings.get(withoutAccents(written.toLowerCase())) ?? written);
}
