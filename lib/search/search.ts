/**
 * Full-text search over the articles readers can see: headline, standfirst, body, byline and
 * section, in any case and with or without accents, every word required; a word of three letters
 * or more also finds longer words it starts ("elecci" finds "elecciones"), and a plural finds its
 * singular ("elecciones" finds "elección"). Results come newest first, as in every list of the
 * site, or, if the reader asks, by relevance: first those with more of the query's words in the
 * headline or standfirst, newest first among equals. A query that finds nothing gets the same
 * query with its misspelt words respelled, if that finds something.
 *
 * The index is built with the bundle at compile time (drafts never enter it) and read once per
 * server process; scheduled articles are in it but left out until their time, like everywhere else.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { SEARCH_ORDERS, type SearchOrder } from "../urls";
import { loadSearchIndex, type SearchIndex } from "./index";
import { matchingPlaces } from "./matching";
import { respelledQuery } from "./respelling";
import { isPublicSlug, publicContentVersion, publicTimelinePlaces, timelinePlaces } from "../content/store";

export { buildSearchIndex, loadSearchIndex, searchEntryOf, type SearchDocument, type SearchEntry } from "./index";
export { MAX_QUERY_LENGTH, normalizeQuery } from "./query";

export const SEARCH_INDEX_PATH = path.join(process.cwd(), ".content", "search-index.json");

let loaded: { index: SearchIndex; mtimeMs: number } | undefined;

function searchIndex(): SearchIndex {
  // As the store does: in development the index is rewritten on every save.
  const mtimeMs = loaded && process.env.NODE_ENV !== "development" ? loaded.mtimeMs : statSync(SEARCH_INDEX_PATH).mtimeMs;
  if (!loaded || loaded.mtimeMs !== mtimeMs) {
    loaded = { index: loadSearchIndex(readFileSync(SEARCH_INDEX_PATH, "utf8")), mtimeMs };
  }
  return loaded.index;
}

/**
 * The timeline places of the public articles that contain every word of the query, newest first
 * or by relevance. Places and numbers throughout, not slugs and objects: a common word matches most
 * of an archive, and a results page shows twenty.
 */
export function searchResults(
  query: string,
  { order = SEARCH_ORDERS[0], now = Date.now(), index = searchIndex() }: { order?: SearchOrder; now?: number; index?: SearchIndex } = {},
): Int32Array {
  const { places, prominence } = matchingPlaces(index, query);
  const timeline = timelinePlaces(index.slugs);
  const inTimeline = places.map((place) => timeline[place]!);
  const newestFirst = publicTimelinePlaces(inTimeline, now);
  return order === "relevancia" ? mostProminentFirst(newestFirst, inTimeline, prominence) : newestFirst;
}

/**
 * The same places, those with more of the query's words in the headline or standfirst first and
 * newest first among equals: one counting pass, as a prominence is a small number.
 */
function mostProminentFirst(newestFirst: Int32Array, inTimeline: Int32Array, prominence: Uint16Array): Int32Array {
  // Each timeline place's prominence, by place: the places are at most the timeline's length.
  const prominenceAt = new Uint16Array(inTimeline.reduce((last, place) => Math.max(last, place), -1) + 1);
  let most = 0;
  inTimeline.forEach((place, at) => {
    if (place < 0) return;
    prominenceAt[place] = prominence[at]!;
    most = Math.max(most, prominence[at]!);
  });
  // Where each prominence's group starts: the most prominent first.
  const starts = new Int32Array(most + 2);
  for (const place of newestFirst) starts[most - prominenceAt[place]! + 1]!++;
  for (let group = 1; group < starts.length; group++) starts[group]! += starts[group - 1]!;
  const ordered = new Int32Array(newestFirst.length);
  for (const place of newestFirst) ordered[starts[most - prominenceAt[place]!]!++] = place;
  return ordered;
}

/**
 * What to suggest for a query that finds nothing: the query with its misspelt words respelled by
 * the words of public articles alone, if that finds public articles. A scheduled article changes
 * neither whether a word counts as found nor what is suggested.
 */
export function searchSuggestion(query: string, now = Date.now(), index = searchIndex()): string | undefined {
  // Comparing with every indexed word costs tens of milliseconds: the answers to the latest
  // queries are kept while the public content stays the same, so asking again costs nothing.
  const key = `${publicContentVersion(now)}\n${query}`;
  if (suggestions.has(key)) return suggestions.get(key);
  const respelled = respelledQuery(index, query, (place) => isPublicSlug(index.slugs[place]!, now));
  const suggestion = respelled && searchResults(respelled, { now, index }).length > 0 ? respelled : undefined;
  suggestions.set(key, suggestion);
  if (suggestions.size > MAX_KEPT_SUGGESTIONS) suggestions.delete(suggestions.keys().next().value!);
  return suggestion;
}

const MAX_KEPT_SUGGESTIONS = 1000;
/** Suggestions by content state and query, oldest first. */
const suggestions = new Map<string, string | undefined>();
