import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Article, ContentBundle } from "../content/bundle";
import { searchEntryOf, type SearchDocument, type SearchEntry, type SearchIndex } from "./index";
import { matchingPlaces } from "./matching";
import { findInText } from "./highlighting";
import { respelledQuery, slipsBetween } from "./respelling";
import { HOUR, testArticle } from "../content/test-article";

// The store and the index are read from .content/ under the working directory, as on the server:
// the module is imported once that directory is a temporary one.
let search: typeof import("./search");
let store: typeof import("../content/store");
let directory: string;

/** What the compiler hands the index for an article with this text. */
const document = (id: string, text: string, changes: Partial<SearchDocument> = {}): SearchEntry =>
  searchEntryOf({ id, headline: "", standfirst: "", text, byline: "Ana Pérez", section: "Sociedad", topics: "", ...changes });

const NOW = Date.parse("2026-01-10T12:00:00Z");

/** The indexed articles that contain every word of the query, in index order, with their prominence. */
const searchMatches = (index: SearchIndex, query: string) => {
  const { places, prominence } = matchingPlaces(index, query);
  return Array.from(places, (place, at) => ({ slug: index.slugs[place]!, prominence: prominence[at]! }));
};
const matchingSlugs = (index: SearchIndex, query: string) => searchMatches(index, query).map((match) => match.slug);
/** Public articles that contain every word of the query, as the search page lists them. */
const searchArticles = (query: string, options: Parameters<typeof search.searchResults>[1]) =>
  store.articlesAtPlaces(search.searchResults(query, options));
const article = (slug: string, hoursAgo: number, changes: Partial<Article> = {}) => testArticle(slug, hoursAgo, NOW, changes);

before(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "gaceta-search-"));
  const articles = [
    article("programado", -1),
    article("reciente", 1),
    article("antiguo", 48),
    article("otro-tema", 2),
    article("borrador", 3, { status: "draft" }),
  ];
  const bundle: ContentBundle = {
    compiledAt: NOW,
    prerender: { articles: 1000, listPages: 5 },
    siteUrl: "http://localhost:3000",
    sections: [],
    topics: [],
    authors: [],
    articles,
    withdrawals: [],
    bodiesFile: "bodies.md",
  };
  await mkdir(path.join(directory, ".content"));
  await writeFile(path.join(directory, ".content", "bundle.json"), JSON.stringify(bundle));
  process.chdir(directory);
  search = await import("./search");
  store = await import("../content/store");
  const documents = [
    document("antiguo", "Presupuesto aprobado.", { headline: "Presupuesto" }),
    document("programado", "Presupuesto por llegar. La ministra Carvajal dimite."),
    document("reciente", "Presupuesto en debate. La ministra Carbajal responde."),
    document("otro-tema", "Deportes."),
    // Indexed by an older build, gone from the bundle or a draft again since: never a result.
    document("retirado", "Presupuesto retirado."),
    document("borrador", "Presupuesto en borrador."),
  ];
  await writeFile(path.join(directory, ".content", "search-index.json"), search.buildSearchIndex(documents));
});

after(() => rm(directory, { recursive: true, force: true }));

const testIndex = () =>
  search.loadSearchIndex(
    search.buildSearchIndex([
      document("elecciones", "Las elecciones de Canadá y la injerencia extranjera."),
      document("eleccion", "Una elección sin sobresaltos en Ottawa."),
      document("tribunal", "El tribunal anuló la reforma.", {
        headline: "La Corte Suprema",
        byline: "Bea Ruiz",
        section: "Justicia",
        topics: "Poder judicial",
      }),
      document("doble", "Elecciones tras una elección fallida."),
      document("plurales", "Una ley a la luz del día, con un voto en contra and one policy.", { byline: "Carla Gil" }),
      document("lunes", "Un lunar en la luna.", { byline: "Carla Gil" }),
      document("luna-llena", "La luna llena.", { byline: "Carla Gil" }),
    ]),
  );

const find = (query: string) => matchingSlugs(testIndex(), query).sort();

describe("search index", () => {
  test("keeps every place and its prominence through the stored form, however far apart the places are", () => {
    // 20,000 articles: gaps between places from one to thousands, as an archive has them.
    const entries = Array.from({ length: 20_000 }, (_, place) =>
      document(`a${place}`, place % 7 === 0 ? "inflación" : "deportes", place % 9_999 === 0 ? { headline: "Presupuesto" } : {}),
    );
    const index = search.loadSearchIndex(search.buildSearchIndex(entries));
    const expected = (keep: (place: number) => boolean) => entries.filter((_, place) => keep(place)).map((entry) => entry.id);
    assert.deepEqual(
      matchingSlugs(index, "inflacion"),
      expected((place) => place % 7 === 0),
    );
    assert.deepEqual(
      matchingSlugs(index, "presupuesto"),
      expected((place) => place % 9_999 === 0),
    );
    // "Presupuesto" is in a headline every 9,999 places, "inflación" in a body every 7.
    const both = searchMatches(index, "presupuesto deportes");
    assert.deepEqual(
      both,
      [9_999, 19_998].map((place) => ({ slug: `a${place}`, prominence: 1 })),
    );
  });

  test("ignores case and accents, both in the text and in the query", () => {
    assert.deepEqual(find("CANADA"), ["elecciones"]);
    assert.deepEqual(find("Ottawá"), ["eleccion"]);
    assert.deepEqual(find("ELECCIONES"), ["doble", "eleccion", "elecciones"]);
    assert.deepEqual(find("injerencia EXTRANJERA"), ["elecciones"]);
  });

  test("requires every word, and lets words of three letters or more find longer ones", () => {
    assert.deepEqual(find("elección"), ["doble", "eleccion", "elecciones"]);
    // Two words the first one starts are still one word found: "doble" has no Ottawa.
    assert.deepEqual(find("elecci ottawa"), ["eleccion"]);
    // Two letters are a word of their own, never the start of a longer one.
    assert.deepEqual(find("ot"), []);
  });

  test("lets a plural find its singular, whole", () => {
    assert.deepEqual(find("elecciones"), ["doble", "eleccion", "elecciones"]);
    assert.deepEqual(find("elecciones ottawa"), ["eleccion"]);
    assert.deepEqual(find("leyes"), ["plurales"]);
    assert.deepEqual(find("luces"), ["plurales"]);
    assert.deepEqual(find("votos"), ["plurales"]);
    assert.deepEqual(find("policies"), ["plurales"]);
    // A wrong guess ("lun") finds no word it starts: not "lunar", not "luna".
    assert.deepEqual(find("lunes"), []);
    // Nor does a word too short to be a plural lose its "s": "mas" is not "ma".
    assert.deepEqual(find("mas"), []);
  });

  test("searches the headline, byline, section and topics too", () => {
    assert.deepEqual(find("corte suprema"), ["tribunal"]);
    assert.deepEqual(find("Bea Ruiz"), ["tribunal"]);
    assert.deepEqual(find("ana perez"), ["doble", "eleccion", "elecciones"]);
    assert.deepEqual(find("justicia"), ["tribunal"]);
    assert.deepEqual(find("poder judicial"), ["tribunal"]);
  });

  test("counts, for each match, the query's words in its headline or standfirst, each word once", () => {
    const index = search.loadSearchIndex(
      search.buildSearchIndex([
        document("en-el-texto", "La reforma del presupuesto, al fin."),
        document("en-la-entradilla", "Votada la reforma.", { standfirst: "El presupuesto sale adelante." }),
        // "Reformas" and "reforma" are both found by the query's "reformas", and count once.
        document("en-el-titular", "Sin sorpresas.", { headline: "Reformas en el presupuesto: la reforma fiscal" }),
        document("sin-presupuesto", "Otra reforma.", { headline: "Reforma" }),
      ]),
    );
    const prominence = (query: string) => Object.fromEntries(searchMatches(index, query).map((match) => [match.slug, match.prominence]));
    assert.deepEqual(prominence("presupuesto reformas"), { "en-el-texto": 0, "en-la-entradilla": 1, "en-el-titular": 2 });
    assert.deepEqual(prominence("presu"), { "en-el-texto": 0, "en-la-entradilla": 1, "en-el-titular": 1 });
    assert.deepEqual(prominence("reforma"), { "en-el-texto": 0, "en-la-entradilla": 0, "en-el-titular": 1, "sin-presupuesto": 1 });
    assert.deepEqual(prominence("fiscal la de"), { "en-el-titular": 1 });
  });

  test("skips words too common to narrow anything, and finds nothing in punctuation alone", () => {
    assert.deepEqual(find("la reforma"), ["tribunal"]);
    assert.deepEqual(find("de la y"), []);
    assert.deepEqual(find("*?¿!"), []);
  });
});

describe("words found in a text", () => {
  const marked = (text: string, query: string) =>
    findInText(text, query)
      .map((piece) => (piece.found ? `[${piece.text}]` : piece.text))
      .join("");

  test("are the words the query finds, by the search's own rules, as written", () => {
    assert.equal(marked("Las ELECCIONES de Canadá, y la elección.", "elecciones canada"), "Las [ELECCIONES] de [Canadá], y la [elección].");
    assert.equal(marked("Elecciones y electores", "elec"), "[Elecciones] y [electores]");
    // As in a search: two letters find only themselves, a wrong singular nothing it starts.
    assert.equal(marked("Otro ot, un lunar", "ot lunes"), "Otro [ot], un lunar");
    // Common words are never marked, even when asked for.
    assert.equal(marked("La ley de la luz", "la leyes de luces"), "La [ley] de la [luz]");
  });

  test("keep the whole text, and mark nothing for a query of no words", () => {
    const text = "«Injerencia» —dijo— 2026.";
    assert.equal(marked(text, "injerencia 2026"), "«[Injerencia]» —dijo— [2026].");
    assert.deepEqual(findInText(text, "¿?"), [{ text, found: false }]);
    assert.deepEqual(findInText("", "injerencia"), []);
  });
});

describe("search suggestions", () => {
  test("count the letters inserted, deleted, changed or swapped, up to a limit", () => {
    assert.equal(slipsBetween("injerencia", "injerencia", 2), 0);
    assert.equal(slipsBetween("injerncia", "injerencia", 2), 1);
    assert.equal(slipsBetween("injerecnia", "injerencia", 2), 1);
    assert.equal(slipsBetween("casa", "cosa", 1), 1);
    assert.equal(slipsBetween("ijnerecnia", "injerencia", 2), 2);
    // Beyond the limit, only that it is beyond: limit + 1.
    assert.equal(slipsBetween("eleccion", "elecciones", 1), 2);
    assert.equal(slipsBetween("presupuesto", "elecciones", 2), 3);
  });

  test("respell the words that find nothing, as the articles write them, and keep the rest as typed", () => {
    const respell = (query: string) => respelledQuery(testIndex(), query);
    assert.equal(respell("la Injerncia EXTRANJERA"), "la injerencia EXTRANJERA");
    assert.equal(respell("eleccon"), "elección");
    assert.equal(respell("ijnerecnia extrangera"), "injerencia extranjera");
    // Nearest first, then the word in most articles: "luna" (two) before "lunar" and "llena" (one).
    assert.equal(respell("lunaz"), "luna");
    assert.equal(respell("lluna"), "luna");
    assert.equal(respell("lunarr"), "lunar");
  });

  test("leave alone what finds something, what is too short to guess at and what is too far off", () => {
    const respell = (query: string) => respelledQuery(testIndex(), query);
    assert.equal(respell("injerencia ottawa"), undefined);
    assert.equal(respell("elecci"), undefined);
    assert.equal(respell("lez"), undefined);
    assert.equal(respell("inxerenzya"), undefined);
    assert.equal(respell("*?¿!"), undefined);
    // Four words that find nothing are no typing slip: no suggestion, and no scan for each.
    assert.equal(respell("injerncia extrangera canda otawa"), undefined);
    assert.equal(respell("injerncia extrangera otawa"), "injerencia extranjera ottawa");
  });
});

describe("search suggestions, with scheduled articles in the index", () => {
  // Place 0 and 1 are scheduled (the newest), the rest public.
  const index = () =>
    search.loadSearchIndex(
      search.buildSearchIndex([
        document("programado-1", "La luna y la elección."),
        document("programado-2", "Otra luna."),
        document("publico-1", "Una luna y un lunar."),
        document("publico-2", "Otro lunar y una eleccion sin tilde."),
      ]),
    );
  const isPublic = (place: number) => place >= 2;

  test("count only public articles when two words are as near", () => {
    // "luna" is in three articles, but in one public one; "lunar" in two public ones.
    assert.equal(respelledQuery(index(), "lunaz"), "luna");
    assert.equal(respelledQuery(index(), "lunaz", isPublic), "lunar");
  });

  test("never take a word, or a word's accents, from a scheduled article", () => {
    assert.equal(respelledQuery(index(), "eleccon", isPublic), "eleccion");
    assert.equal(
      respelledQuery(index(), "lunaa", () => false),
      undefined,
    );
  });
});

describe("search query", () => {
  test("is one line without control characters, trimmed and at most 100 characters; the first of several", () => {
    assert.equal(search.normalizeQuery("  injerencia \n\t extranjera  "), "injerencia extranjera");
    assert.equal(search.normalizeQuery(["primera", "segunda"]), "primera");
    assert.equal(search.normalizeQuery(undefined), "");
    assert.equal(search.normalizeQuery("x".repeat(500)).length, 100);
    assert.equal(search.normalizeQuery("a\u0000b\u001bc"), "a b c");
    // Cut by characters, not UTF-16 units: no emoji is left half.
    assert.equal(search.normalizeQuery("😀".repeat(150)), "😀".repeat(100));
  });
});

describe("searchArticles", () => {
  test("gives the public matches newest first, a scheduled one only once its time has come", () => {
    const slugs = (query: string, now: number) => searchArticles(query, { now }).map((a) => a.slug);
    assert.deepEqual(slugs("presupuesto", NOW), ["reciente", "antiguo"]);
    assert.deepEqual(slugs("presupuesto", NOW + 2 * HOUR), ["programado", "reciente", "antiguo"]);
    assert.deepEqual(slugs("nada parecido", NOW), []);
  });

  test("by relevance, puts the query's words in the headline first, newest first among equals", () => {
    const slugs = (query: string, now: number) => searchArticles(query, { order: "relevancia", now }).map((a) => a.slug);
    assert.deepEqual(slugs("presupuesto", NOW), ["antiguo", "reciente"]);
    assert.deepEqual(slugs("presupuesto", NOW + 2 * HOUR), ["antiguo", "programado", "reciente"]);
    assert.deepEqual(slugs("presupuesto debate", NOW), ["reciente"]);
  });

  test("suggests a respelled query only when it finds public articles", () => {
    assert.equal(search.searchSuggestion("presupesto", NOW), "presupuesto");
    // "llegar" is only in the scheduled article until its time; "retirado" only in an article gone
    // from the bundle, "borrador" only in a draft.
    assert.equal(search.searchSuggestion("lelgar", NOW), undefined);
    assert.equal(search.searchSuggestion("lelgar", NOW + 2 * HOUR), "llegar");
    assert.equal(search.searchSuggestion("retriado", NOW), undefined);
    assert.equal(search.searchSuggestion("borador", NOW), undefined);
  });

  test("answers a word only a scheduled article has as if that article did not exist", () => {
    // "carvajal" is only in the scheduled article: until its time it finds nothing, so it gets the
    // suggestion any unknown word near "carbajal" gets, and tells nothing of the embargoed story.
    assert.equal(search.searchSuggestion("carvajal", NOW), "carbajal");
    assert.equal(search.searchSuggestion("carbajall", NOW), "carbajal");
    assert.deepEqual(searchArticles("carvajal", { now: NOW }), []);
    assert.equal(search.searchSuggestion("carvajal", NOW + 2 * HOUR), undefined);
  });
});
