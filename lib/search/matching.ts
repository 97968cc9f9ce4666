/**
 * A query against the index: a query walks only the lists of its words and keeps the places that
 * have them all, so a search costs microseconds per matching article. The store orders the matches
 * by their places in its timeline, never by parsing dates, and the only score is how many of the
 * query's words a match has in its headline or standfirst.
 */
import type { SearchIndex } from "./index";
import { searchWords, wordRanges } from "./words";

/**
 * The places that have every word of a query, ascending, and how many of its words each has in
 * its headline or standfirst. Typed arrays: a common word matches nearly every article of an
 * archive, and a list of objects or boxed numbers that long costs more than the search itself.
 */
export interface PlaceMatches {
  places: Int32Array;
  prominence: Uint16Array;
}

/** The places of the articles that contain every word of the query, ascending. */
export function matchingPlaces(index: SearchIndex, query: string): PlaceMatches {
  const queryWords = [...new Set(searchWords(query))];
  if (queryWords.length === 0) return { places: new Int32Array(0), prominence: new Uint16Array(0) };
  // How many of the query's words each place has, and how many in its headline or standfirst; a
  // place counts once per word, however many indexed words (longer ones, its singular) that query
  // word finds in it.
  const found = new Uint16Array(index.slugs.length);
  const prominence = new Uint16Array(index.slugs.length);
  const prominentIn = new Uint16Array(index.slugs.length);
  for (const [round, word] of queryWords.entries()) {
    const ranges = wordRanges(index.words, word);
    for (const [first, last] of ranges) {
      for (let w = first; w < last; w++) markFound(found, index.places[w]!, round);
    }
    for (const [first, last] of ranges) {
      for (let w = first; w < last; w++) markProminent(found, prominentIn, prominence, index.prominentPlaces[w]!, round);
    }
  }
  return placesFoundIn(found, prominence, queryWords.length);
}

/** Marks the places that have this round's word and had every earlier one. */
function markFound(found: Uint16Array, places: Uint32Array, round: number): void {
  for (let at = 0; at < places.length; at++) {
    const place = places[at]!;
    if (found[place] === round) found[place] = round + 1;
  }
}

/** Counts this round's word once for each found place that has it in the headline or standfirst. */
function markProminent(found: Uint16Array, prominentIn: Uint16Array, prominence: Uint16Array, places: Uint32Array, round: number): void {
  for (let at = 0; at < places.length; at++) {
    const place = places[at]!;
    if (found[place] === round + 1 && prominentIn[place] !== round + 1) {
      prominentIn[place] = round + 1;
      prominence[place]!++;
    }
  }
}

/** The places found in every round, ascending, with their prominence. */
function placesFoundIn(found: Uint16Array, prominence: Uint16Array, rounds: number): PlaceMatches {
  let count = 0;
  for (let place = 0; place < found.length; place++) if (found[place] === rounds) count++;
  const matches: PlaceMatches = { places: new Int32Array(count), prominence: new Uint16Array(count) };
  let at = 0;
  for (let place = 0; place < found.length; place++) {
    if (found[place] !== rounds) continue;
    matches.places[at] = place;
    matches.prominence[at++] = prominence[place]!;
  }
  return matches;
}
