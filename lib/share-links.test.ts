import assert from "node:assert/strict";
import { test } from "node:test";
import { shareLinks } from "./share-links";

// "?" and "&" in the headline must not cut the mail's subject short.
const article = { section: "politica/elecciones", slug: "una-noticia", headline: "¿Quién gana? Votos & escaños" };
const url = "http://localhost:3000/politica/elecciones/una-noticia";

test("share links carry the article's canonical address to each network's share page", () => {
  const links = Object.fromEntries(shareLinks(article).map(({ label, href }) => [label, new URL(href)]));
  assert.deepEqual(Object.keys(links), ["WhatsApp", "Telegram", "X", "Bluesky", "Facebook", "LinkedIn", "Correo"]);
  const shared = { WhatsApp: "text", Telegram: "url", X: "url", Bluesky: "text", Facebook: "u", LinkedIn: "url" };
  for (const [label, parameter] of Object.entries(shared)) {
    const link = links[label]!;
    assert.equal(link.protocol, "https:", label);
    assert.deepEqual([...link.searchParams], [[parameter, url]], label);
  }
});

test("the mail link has the headline as subject and the address as body", () => {
  const mail = shareLinks(article).find(({ label }) => label === "Correo")!.href;
  const [, subject, body] = mail.match(/^mailto:\?subject=([^&]*)&body=([^&]*)$/) ?? [];
  assert.equal(decodeURIComponent(subject ?? ""), article.headline);
  assert.equal(decodeURIComponent(body ?? ""), url);
  assert.ok(!mail.includes("+"), "spaces as %20: mail clients keep a +");
});
