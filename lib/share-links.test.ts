import assert from "node:assert/strict";
import { test } from "node:test";
import { shareLinks } from "./share-links";

const article = { section: "politica/elecciones", slug: "una-noticia", headline: "¿Quién gana? Votos & escaños" };
const url = "http://localhost:3000/politica/elecciones/una-noticia";

test("share links carry the article's canonical address and headline, encoded, to each network", () => {
  const links = Object.fromEntries(shareLinks(article).map(({ label, href }) => [label, new URL(href)]));
  assert.deepEqual(Object.keys(links), ["WhatsApp", "Telegram", "X", "Bluesky", "Facebook", "LinkedIn", "Correo"]);
  // Whole, though the headline holds "?" and "&".
  assert.equal(links.WhatsApp!.searchParams.get("text"), `${article.headline} ${url}`);
  assert.equal(links.Telegram!.searchParams.get("url"), url);
  assert.equal(links.X!.searchParams.get("url"), url);
  assert.equal(links.X!.searchParams.get("text"), article.headline);
  assert.equal(links.Bluesky!.searchParams.get("text"), `${article.headline} ${url}`);
  assert.equal(links.Facebook!.searchParams.get("u"), url);
  assert.equal(links.LinkedIn!.searchParams.get("url"), url);
  for (const [label, link] of Object.entries(links)) {
    if (label !== "Correo") assert.equal(link.protocol, "https:", label);
  }
});

test("the mail link has the headline as subject and the address as body", () => {
  const mail = shareLinks(article).find(({ label }) => label === "Correo")!.href;
  const [, subject, body] = mail.match(/^mailto:\?subject=([^&]*)&body=([^&]*)$/) ?? [];
  assert.equal(decodeURIComponent(subject ?? ""), article.headline);
  assert.equal(decodeURIComponent(body ?? ""), url);
  assert.ok(!mail.includes("+"), "spaces as %20: mail clients keep a +");
});
