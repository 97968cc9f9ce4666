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

/**
 * What the index keeps of one article: its words as written, each once, and which of them, read
 * as searches read them, are in its headline or standfirst; each list as one string, words apart
 * by spaces. Small beside the article's text, and a few strings rather than hundreds, so that the
 * compiler holds one for every article of an archive without slowing its memory's collector.
 */
export interface SearchEntry {
  id: string;
  written: string;
  prominent: string;
}

export function searchEntryOf(document: SearchDocument): SearchEntry {
  const text = [document.headline, document.standfirst, document.text, document.byline, document.section, document.topics].join(" ");
  return {
    id: document.id,
    written: [...new Set(writtenWords(text))].join(" "),
    prominent: [...new Set(searchWords(`${document.headline} ${document.standfirst}`))].join(" "),
  };
}

/**
 * The index as JSON; `entries` in timeline order, so that a place is a position in the timeline.
 * While it is built, a word's places are plain numbers, the place doubled plus one where the word
 * is prominent: an archive has tens of millions of them.
 */
export function buildSearchIndex(entries: SearchEntry[]): string {
  const placesOf = new Map<string, number[]>();
  const spellings = new Map<string, string>();
  entries.forEach((entry, place) => {
    const prominentWords = new Set(entry.prominent.split(" "));
    for (const written of entry.written.split(" ")) {
      const word = withoutAccents(written);
      if (!word || STOPWORDS.has(word)) continue;
      // The oldest article's spelling wins, accents or none: never a newer, maybe scheduled, one's.
      if (word !== written) spellings.set(word, written);
      else spellings.delete(word);
      const places = placesOf.get(word);
      // Written two ways in one article ("elección", "eleccion"), a word is still one place.
      if (places !== undefined && places.at(-1)! >>> 1 === place) continue;
      const posting = place * 2 + (prominentWords.has(word) ? 1 : 0);
      if (places) places.push(posting);
      else placesOf.set(word, [posting]);
    }
  });
  const words = [...placesOf.keys()].sort();
  // Each place as the gap from the one before, doubled, plus one where prominent.
  const encode = (postings: number[]) => postings.map((posting, index) => posting - (index === 0 ? 0 : (postings[index - 1]! >>> 1) * 2));
  const stored: StoredIndex = {
    slugs: entries.map((entry) => entry.id),
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
