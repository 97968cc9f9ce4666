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
  /** How many places each word has. */
  counts: number[];
  /**
   * Each word's places in turn, ascending, each as the gap from the one before, doubled, plus one
   * where the word is in the headline or standfirst; each gap a variable-length number (seven bits
   * a byte, lowest first, the top bit set on every byte but the last), and all of them in base64.
   * As JSON numbers, tens of millions of them took most of a second to parse at every start.
   */
  postings: string;
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
  const stored: StoredIndex = {
    slugs: entries.map((entry) => entry.id),
    words,
    counts: words.map((word) => placesOf.get(word)!.length),
    postings: encodePostings(words.map((word) => placesOf.get(word)!)).toString("base64"),
    spellings: Object.fromEntries(spellings),
  };
  return JSON.stringify(stored);
}

/** Every word's postings (place doubled, plus one where prominent), as StoredIndex.postings has them before base64. */
function encodePostings(postingsOfWords: number[][]): Buffer {
  const chunks: Buffer[] = [];
  for (const postings of postingsOfWords) {
    // Five bytes hold any 32-bit gap.
    const bytes = Buffer.allocUnsafe(postings.length * 5);
    let length = 0;
    let previous = 0;
    for (const posting of postings) {
      let gap = posting - previous * 2;
      previous = posting >>> 1;
      while (gap >= 0x80) {
        bytes[length++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      bytes[length++] = gap;
    }
    chunks.push(bytes.subarray(0, length));
  }
  return Buffer.concat(chunks);
}

export function loadSearchIndex(json: string): SearchIndex {
  const stored = JSON.parse(json) as StoredIndex;
  const bytes = Buffer.from(stored.postings, "base64");
  // One array for every word's places and one for the prominent ones; each word gets a view of its own part.
  const total = stored.counts.reduce((sum, count) => sum + count, 0);
  const all = new Uint32Array(total);
  const prominent = new Uint32Array(total);
  const ends: [number, number][] = [];
  let read = 0;
  let written = 0;
  let prominentWritten = 0;
  for (const count of stored.counts) {
    let place = 0;
    for (let index = 0; index < count; index++) {
      // Gaps stay below 2^31 (places below a billion): bit operations hold them.
      let byte = bytes[read++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = bytes[read++]!;
        gap |= (byte & 0x7f) << shift;
      }
      all[written++] = place += gap >>> 1;
      if (gap & 1) prominent[prominentWritten++] = place;
    }
    ends.push([written, prominentWritten]);
  }
  const compactProminent = prominent.slice(0, prominentWritten);
  const places: Uint32Array[] = [];
  const prominentPlaces: Uint32Array[] = [];
  ends.forEach(([end, prominentEnd], word) => {
    places.push(all.subarray(end - stored.counts[word]!, end));
    prominentPlaces.push(compactProminent.subarray(word === 0 ? 0 : ends[word - 1]![1], prominentEnd));
  });
  return { slugs: stored.slugs, words: stored.words, places, prominentPlaces, spellings: new Map(Object.entries(stored.spellings)) };
}
