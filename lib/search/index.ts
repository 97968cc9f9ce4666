/**
 * The search index: for every word of the searchable articles, the articles that contain it, as
 * their places in the timeline (non-draft articles, newest first, as in the store), and which of
 * them have it in the headline or standfirst. Built with the bundle when the content compiles, and
 * loaded once per server process.
 */
import { searchWords, withoutAccents, writtenWords, STOPWORDS } from "./words";

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
