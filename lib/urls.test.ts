import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSearchOrder, searchPath } from "./urls";

test("searchPath: the bare search page, or a query's results with the page number after the first", () => {
  assert.equal(searchPath(), "/buscar");
  assert.equal(searchPath("elecciones"), "/buscar?q=elecciones");
  assert.equal(searchPath("injerencia extranjera", 1), "/buscar?q=injerencia+extranjera");
  assert.equal(searchPath("Canadá & co", 3), "/buscar?q=Canad%C3%A1+%26+co&pagina=3");
});

test("searchPath: an order other than the default is named before the page; without a query there is none", () => {
  assert.equal(searchPath("elecciones", 1, "relevancia"), "/buscar?q=elecciones&orden=relevancia");
  assert.equal(searchPath("elecciones", 2, "relevancia"), "/buscar?q=elecciones&orden=relevancia&pagina=2");
  assert.equal(searchPath("elecciones", 2, "recientes"), "/buscar?q=elecciones&pagina=2");
  assert.equal(searchPath("", 1, "relevancia"), "/buscar");
});

test("parseSearchOrder: a known order as asked, the newest first for anything else", () => {
  assert.equal(parseSearchOrder("relevancia"), "relevancia");
  assert.equal(parseSearchOrder(["relevancia", "recientes"]), "relevancia");
  for (const odd of [undefined, "", "RELEVANCIA", "constructor", "__proto__", ["x"]]) assert.equal(parseSearchOrder(odd), "recientes");
});
