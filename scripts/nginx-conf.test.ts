import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

/** The shipped nginx configuration (deploy/nginx/gaceta.conf), read as text. */
const conf = readFileSync("deploy/nginx/gaceta.conf", "utf8");

/** The key a client is rate-limited by, as the config's map computes it. */
function clientKey(address: string): string {
  const map = /map \$remote_addr \$gaceta_client \{\s*"~([^"]+)"\s+\$gaceta_prefix;/.exec(conf);
  assert.ok(map, "the map of client addresses to rate-limit keys");
  const prefix = new RegExp(map[1]!.replace("(?<gaceta_prefix>", "(?<prefix>")).exec(address);
  return prefix?.groups?.prefix ?? address;
}

test("an IPv6 client is rate-limited by its /64, an IPv4 one by its address", () => {
  assert.equal(clientKey("2001:db8:85a3:8d3:1319:8a2e:370:7348"), "2001:db8:85a3:8d3");
  assert.equal(clientKey("2001:db8:85a3:8d3:ffff:ffff:ffff:1"), clientKey("2001:db8:85a3:8d3:1:2:3:4"));
  assert.notEqual(clientKey("2001:db8:85a3:8d4:1:2:3:4"), clientKey("2001:db8:85a3:8d3:1:2:3:4"));
  assert.equal(clientKey("192.0.2.7"), "192.0.2.7");
});

test("search and previews have a limit per client and one for all clients together", () => {
  const rendered = /location ~ \^\/\(\?:api\/\|buscar\$\) \{([\s\S]*?)\n    \}/.exec(conf)?.[1] ?? "";
  assert.match(rendered, /limit_req zone=gaceta_rendered burst=\d+ nodelay;/);
  assert.match(rendered, /limit_req zone=gaceta_rendered_all burst=\d+ nodelay;/);
  assert.match(conf, /limit_req_zone \$gaceta_client zone=gaceta_rendered:/);
  assert.match(conf, /limit_req_zone \$server_name zone=gaceta_rendered_all:/);
});
