import assert from "node:assert/strict";
import { test } from "node:test";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

test("the CSP is tight and never allows eval", () => {
  const csp = contentSecurityPolicy(true);
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "upgrade-insecure-requests",
  ]) {
    assert.ok(csp.includes(directive), directive);
  }
  assert.ok(!csp.includes("unsafe-eval"));
  assert.match(csp, /(?:^|; )script-src 'self'(?:;|$)/, "scripts from the site alone: none inline");
  assert.ok(!/https?:\/\//.test(csp), "no other origin is allowed");
});

test("HSTS and upgrade-insecure-requests only when the site is served over https", () => {
  const keys = (url: string) => securityHeaders(new URL(url)).map((header) => header.key);
  assert.ok(keys("https://gaceta.example").includes("Strict-Transport-Security"));
  assert.ok(!keys("http://localhost:3000").includes("Strict-Transport-Security"));
  assert.ok(!contentSecurityPolicy(false).includes("upgrade-insecure-requests"));
});
