/**
 * A query against the index: a query walks only the lists of its words and keeps the places that
 * have them all, so a search costs microseconds per matching article. The store orders the matches
 * by their places in its timeline, never by parsing dates, and the only score is how many of the
 * query's words a match has in its headline or standfirst.
 */
import type { SearchIndex } from "./index";
import { searchWords, wordRanges } from "./words";

/** An article that contains every word of a query. */
export interface SearchMatch {
  slug: string;
  /** How many of the query's words it has in its headline or standfirst. */
  prominence: number;
}

/** The places that have every word of a query, ascending, and how many of its words each has in its headline or standfirst. */
export interface PlaceMatches {
  places: number[];
  prominence: number[];
}

/** The places of the articles that contain every word of the query, newest first. */
export function matchingPlaces(index: SearchIndex, query: string): PlaceMatches {
  const queryWords = [...new Set(searchWords(query))];
  if (queryWords.length === 0) return { places: [], prominence: [] };
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
  const matches: PlaceMatches = { places: [], prominence: [] };
  found.forEach((count, place) => {
    if (count !== queryWords.length) return;
    matches.places.push(place);
    matches.prominence.push(prominence[place]!);
  });
  return matches;
}

/** The articles that contain every word of the query, newest first. */
export function searchMatches(index: SearchIndex, query: string): SearchMatch[] {
  const { places, prominence } = matchingPlaces(index, query);
  return places.map((place, at) => ({ slug: index.slugs[place]!, prominence: prominence[at]! }));
}

/** Slugs of the articles that contain every word of the query, newest first. */
export const matchingSlugs = (index: SearchIndex, query: string): string[] => searchMatches(index, query).map((match) => match.slug);
