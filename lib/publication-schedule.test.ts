import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import {
  PUBLISH_PATH,
  PUBLISH_TOKEN_HEADER,
  isPublishToken,
  nextPublicationAfter,
  publishedSinceBuild,
  startPublicationScheduler,
} from "./publication-schedule";

test("the next publication is the first time after now", () => {
  assert.equal(nextPublicationAfter([10, 20, 30], 20), 30);
  assert.equal(nextPublicationAfter([10, 20, 30], 5), 10);
  assert.equal(nextPublicationAfter([10, 20, 30], 30), undefined);
});

test("a publication is missed when it fell between the build and now", () => {
  assert.equal(publishedSinceBuild([10, 50], 20, 60), true);
  assert.equal(publishedSinceBuild([10, 50], 20, 40), false);
  assert.equal(publishedSinceBuild([10], 20, 60), false);
});

test("the scheduler asks its own server to publish, at once for missed articles and then on time", async () => {
  const calls: { path: string; at: number; tokenValid: boolean }[] = [];
  const server = http.createServer((request, response) => {
    calls.push({ path: request.url ?? "", at: Date.now(), tokenValid: isPublishToken(request.headers[PUBLISH_TOKEN_HEADER] as string) });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const start = Date.now();
    const { port } = server.address() as AddressInfo;
    startPublicationScheduler({
      times: [start - 60_000, start - 1_000, start + 400],
      builtAt: start - 30_000,
      origin: `http://127.0.0.1:${port}`,
      log: () => {},
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(calls.length, 2);
    assert.ok(calls.every((call) => call.path === PUBLISH_PATH && call.tokenValid));
    assert.ok(calls[0]!.at - start < 300, "the missed publication is caught up at once");
    assert.ok(calls[1]!.at >= start + 400, "the scheduled one waits for its time");
    assert.equal(isPublishToken("00".repeat(32)), false);
    assert.equal(isPublishToken(null), false);
  } finally {
    server.close();
  }
});
