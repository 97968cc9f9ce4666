import assert from "node:assert/strict";
import { test } from "node:test";
import { countWords, markdownToPlainText, truncateAtWord } from "./markdown";

test("plain text keeps paragraphs, headings and quotes, and drops Markdown syntax", () => {
  const text = markdownToPlainText("Uno con *énfasis* y [enlace](https://example.org).\n\n## Ladillo\n\n> Una cita\n\n- punto");
  assert.equal(text, "Uno con énfasis y enlace.\n\nLadillo\n\nUna cita\n\npunto");
});

test("truncation cuts at a word boundary, drops trailing punctuation and adds an ellipsis", () => {
  assert.equal(truncateAtWord("Una frase corta.", 160), "Una frase corta.");
  assert.equal(truncateAtWord("Palabra otra, tercera cuarta", 20), "Palabra otra…");
  assert.equal(truncateAtWord("Uno dos tres cuatro cinco", 14), "Uno dos tres…");
  assert.equal(truncateAtWord("Uno dos,  tres", 10), "Uno dos…");
  assert.ok(truncateAtWord("x".repeat(500), 160).length <= 160);
});

test("words are counted on the plain text", () => {
  assert.equal(countWords(" uno  dos\ntres "), 3);
});
