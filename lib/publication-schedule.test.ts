import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import {
  MAX_RETRY_MS,
  PUBLISH_PATH,
  PUBLISH_TOKEN_HEADER,
  isPublishToken,
  latestDue,
  retryDelay,
  startPublicationScheduler,
  type PublishRequest,
} from "./publication-schedule";

/** A scheduler on a clock the test moves by hand, whose publications answer as told. */
function scheduler(times: number[], builtAt: number, answers: (number | Error)[] = []) {
  let clock = builtAt;
  const calls: number[] = [];
  const dues: number[] = [];
  const publish: PublishRequest = async (due) => {
    calls.push(clock);
    dues.push(due);
    const answer = answers.shift() ?? 204;
    if (answer instanceof Error) throw answer;
    return { status: answer, warm: [] };
  };
  const logs: string[] = [];
  const instance = startPublicationScheduler({ times, builtAt, publish, now: () => clock, log: (line) => logs.push(line), tick: false });
  return {
    ...instance,
    calls,
    dues,
    logs,
    at: async (time: number) => {
      clock = time;
      await instance.check();
    },
  };
}

test("one revalidation covers every time that has passed, however many", () => {
  assert.equal(latestDue([10, 20, 30], 0, 25), 20);
  assert.equal(latestDue([30, 10, 20], 10, 30), 30);
  assert.equal(latestDue([10, 20, 30], 30, 100), undefined);
  assert.equal(latestDue([10, 20, 30], 0, 5), undefined);
});

test("times up to the build are in the pages already: nothing to publish", async () => {
  const s = scheduler([100, 200], 500);
  await s.at(1_000);
  assert.deepEqual(s.calls, []);
  assert.equal(s.publishedThrough(), 500);
});

test("a time that passed while the clock jumped or the machine slept is published at the next check", async () => {
  const s = scheduler([1_000, 5_000, 9_000_000], 0);
  await s.at(500);
  assert.deepEqual(s.calls, []);
  // Days later in one step: both missed times, in one revalidation.
  await s.at(6_000_000);
  assert.deepEqual(s.calls, [6_000_000]);
  assert.deepEqual(s.dues, [5_000], "the pages rendered before the latest time passed are the ones out of date");
  assert.equal(s.publishedThrough(), 5_000);
  await s.at(6_000_001);
  assert.equal(s.calls.length, 1, "nothing is published twice");
});

test("a failed, refused or hung publication is retried with growing waits, and the article stays hidden until one succeeds", async () => {
  const s = scheduler([1_000], 0, [new Error("ECONNREFUSED"), 500, new Error("The operation was aborted due to timeout")]);
  await s.at(1_000);
  assert.equal(s.publishedThrough(), 0);
  await s.at(1_000 + retryDelay(1) - 1);
  assert.equal(s.calls.length, 1, "no retry before its wait");
  await s.at(1_000 + retryDelay(1));
  assert.equal(s.calls.length, 2);
  assert.equal(s.publishedThrough(), 0, "a 500 is no publication");
  const third = 1_000 + retryDelay(1) + retryDelay(2);
  await s.at(third);
  assert.equal(s.calls.length, 3);
  await s.at(third + retryDelay(3));
  assert.equal(s.calls.length, 4);
  assert.equal(s.publishedThrough(), 1_000);
  assert.ok(s.logs.some((line) => line.includes("fallida")));
  assert.deepEqual([1, 2, 3, 10].map(retryDelay), [2_000, 4_000, 8_000, MAX_RETRY_MS]);
});

test("checks while a publication is under way wait for it rather than start another", async () => {
  let release: (answer: { status: number; warm: string[] }) => void = () => {};
  let calls = 0;
  const publish: PublishRequest = () => {
    calls += 1;
    return new Promise((resolve) => (release = resolve));
  };
  const s = startPublicationScheduler({ times: [10], builtAt: 0, publish, now: () => 20, log: () => {}, tick: false });
  const first = s.check();
  const second = s.check();
  release({ status: 204, warm: [] });
  await Promise.all([first, second]);
  assert.equal(calls, 1);
  assert.equal(s.publishedThrough(), 10);
});

test("by default it asks its own server's publish route, with a token only that server knows, then the pages it names", async () => {
  const seen: { path: string; tokenValid: boolean }[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ path: request.url ?? "", tokenValid: isPublishToken(request.headers[PUBLISH_TOKEN_HEADER] as string) });
    if (request.url?.startsWith(PUBLISH_PATH))
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"warm":["/","/politica"]}');
    else response.writeHead(200).end("página");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const s = startPublicationScheduler({
      times: [10],
      builtAt: 0,
      origin: `http://127.0.0.1:${port}`,
      now: () => 20,
      log: () => {},
      tick: false,
    });
    await s.check();
    assert.deepEqual(seen.slice(0, 1), [{ path: `${PUBLISH_PATH}?before=10`, tokenValid: true }]);
    // Asked for after the publication, without the token: as any reader would.
    assert.deepEqual(
      seen.slice(1).sort((a, b) => a.path.localeCompare(b.path)),
      [
        { path: "/", tokenValid: false },
        { path: "/politica", tokenValid: false },
      ],
    );
    assert.equal(s.publishedThrough(), 10);
    assert.equal(isPublishToken("00".repeat(32)), false);
    assert.equal(isPublishToken(null), false);
  } finally {
    server.close();
  }
});
