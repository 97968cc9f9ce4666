import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { toAsciiHtml } from "./ascii-html";

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

test("text, attributes and the title become character references", () => {
  const html = `<html lang="es"><head><title>Política › Elecciones</title></head><body><p title="“Cuestionó”">Año — 2026…</p></body></html>`;
  const ascii = toAsciiHtml(html);
  assert.ok(isAscii(ascii));
  assert.equal(
    ascii,
    `<html lang="es"><head><title>Pol&#xed;tica &#x203a; Elecciones</title></head><body><p title="&#x201c;Cuestion&#xf3;&#x201d;">A&#xf1;o &#x2014; 2026&#x2026;</p></body></html>`,
  );
});

test("characters beyond the Basic Multilingual Plane become one reference, not two halves", () => {
  assert.equal(toAsciiHtml("<p>🗳️ urna</p>"), "<p>&#x1f5f3;&#xfe0f; urna</p>");
});

test("scripts keep their meaning: JSON-LD and the RSC payload parse to the same strings", () => {
  const graph = { headline: "El tribunal cuestionó medidas — “injerencia” 🗳️", inLanguage: "es" };
  const payload = JSON.stringify('1:["$","p",null,{"children":"Señal › ruido"}]');
  const html = `<script type="application/ld+json">${JSON.stringify(graph)}</script><script>self.__next_f.push([1,${payload}])</SCRIPT>`;
  const ascii = toAsciiHtml(html);
  assert.ok(isAscii(ascii));
  const [jsonLd, flight] = [...ascii.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]!);
  assert.deepEqual(JSON.parse(jsonLd!), graph);
  const pushed: unknown[] = [];
  new Function("self", flight!)({ __next_f: pushed });
  assert.deepEqual(pushed, [[1, '1:["$","p",null,{"children":"Señal › ruido"}]']]);
  assert.ok(!flight!.includes("&#x"), "no character references inside a script");
});

test("styles use CSS escapes, which end at a space", () => {
  assert.equal(toAsciiHtml(`<style>.migas li+li::before{content:"›"}</style>`), `<style>.migas li+li::before{content:"\\203a "}</style>`);
});

test("the markup around raw-text elements is escaped too, and ASCII pages are unchanged", () => {
  assert.equal(toAsciiHtml(`<p>á</p><script>"é"</script><p>í</p>`), `<p>&#xe1;</p><script>"\\u00e9"</script><p>&#xed;</p>`);
  const plain = `<!DOCTYPE html><html><body><p>Hola &amp; adios</p><script>var a = "<"</script></body></html>`;
  assert.equal(toAsciiHtml(plain), plain);
});

test("the result is a one-byte string in V8, the representation Node encodes fast", () => {
  // Only V8 can tell: %DebugPrint shows a two-byte string as u"…" and a one-byte string as "…".
  const script = `
    import { toAsciiHtml } from ${JSON.stringify(new URL("./ascii-html.ts", import.meta.url).href)};
    const article = "<p>" + "El tribunal cuestionó las medidas — “dijo” … ".repeat(50) + "</p>";
    %DebugPrint(article.slice(0, 40));
    %DebugPrint(toAsciiHtml(article).slice(0, 40));`;
  const child = spawnSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  assert.equal(child.status, 0, child.stderr);
  const representations = [...child.stdout.matchAll(/^DebugPrint: \S+ \[String\]: (u?)"/gm)].map((match) =>
    match[1] ? "two-byte" : "one-byte",
  );
  assert.deepEqual(representations, ["two-byte", "one-byte"]);
});
