/**
 * Adults read silently at about 218 words a minute in Spanish and 228 in English (IReST,
 * Trauzettel-Klosinski and Dietz, 2012): rounded to whole minutes, one rate serves both.
 */
const WORDS_PER_MINUTE = 218;

/** The "4 min de lectura" of a byline: whole minutes, never less than one. */
export const readingMinutes = (wordCount: number) => Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
