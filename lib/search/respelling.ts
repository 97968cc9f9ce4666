/** Respelling a query that finds nothing with the nearest words public articles have. */
import type { SearchIndex } from "./index";
import { STOPWORDS, WORD, withoutAccents, wordRanges, writtenWords } from "./words";

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
