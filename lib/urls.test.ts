import assert from "node:assert/strict";
import { test } from "node:test";
import { searchPath } from "./urls";

test("searchPath: the bare search page, or a query's results with the page number after the first", () => {
  assert.equal(searchPath(), "/buscar");
  assert.equal(searchPath("elecciones"), "/buscar?q=elecciones");
  assert.equal(searchPath("injerencia extranjera", 1), "/buscar?q=injerencia+extranjera");
  assert.equal(searchPath("Canadá & co", 3), "/buscar?q=Canad%C3%A1+%26+co&pagina=3");
});
