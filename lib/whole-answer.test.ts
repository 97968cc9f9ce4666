import assert from "node:assert/strict";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { test } from "node:test";
import { createGzip, gunzipSync } from "node:zlib";
import { WholeResponse, finishWhole } from "./whole-answer";

/**
 * Serves one request with `send`, its response held whole, and reads the answer off a raw socket:
 * the first read (what had arrived when the first bytes came) and everything until the server closed.
 */
async function answer(send: (response: http.ServerResponse) => void, request = "GET / HTTP/1.1") {
  const server = http.createServer({ ServerResponse: WholeResponse }, (_incoming, response) => send(response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<{ firstRead: string; all: Buffer }>((resolve, reject) => {
      const reads: Buffer[] = [];
      const socket = net.connect(port, "127.0.0.1", () => socket.write(`${request}\r\nHost: gaceta.test\r\nConnection: close\r\n\r\n`));
      socket.on("data", (chunk: Buffer) => reads.push(chunk));
      socket.on("end", () => resolve({ firstRead: reads[0]?.toString("latin1") ?? "", all: Buffer.concat(reads) }));
      socket.on("error", reject);
    });
  } finally {
    server.close();
  }
}

const headerOf = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(raw.slice(0, raw.indexOf("\r\n\r\n")))?.[1];
const bodyOf = (raw: Buffer) => raw.subarray(raw.indexOf("\r\n\r\n") + 4);
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("an answer written in pieces over time arrives whole in one write, with its length", async () => {
  const { firstRead, all } = await answer((response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "X-Render": "dynamic" });
    response.flushHeaders();
    response.write("<p>Primera parte</p>");
    void later(150)
      .then(() => response.write(Buffer.from("<p>Segunda</p>")))
      .then(() => later(150))
      .then(() => response.end("<p>Fin</p>"));
  });
  // Sent piece by piece, the first read would hold the headers and at most the first part.
  assert.equal(firstRead, all.toString("latin1"));
  assert.match(firstRead, /^HTTP\/1\.1 200 OK\r\n/);
  assert.equal(headerOf(firstRead, "X-Render"), "dynamic");
  assert.equal(headerOf(firstRead, "Transfer-Encoding"), undefined);
  assert.equal(bodyOf(all).toString(), "<p>Primera parte</p><p>Segunda</p><p>Fin</p>");
  assert.equal(Number(headerOf(firstRead, "Content-Length")), bodyOf(all).length);
});

test("a body gzipped as it streams, as Next.js compresses, arrives whole too", async () => {
  const page = "<p>Democracia y Política</p>".repeat(400);
  const { firstRead, all } = await answer((response) => {
    response.setHeader("Content-Encoding", "gzip");
    const gzip = createGzip();
    gzip.on("data", (chunk: Buffer) => response.write(chunk));
    gzip.on("end", () => response.end());
    gzip.write(page.slice(0, 2000));
    gzip.flush(() => setTimeout(() => gzip.end(page.slice(2000)), 100));
  });
  assert.equal(firstRead, all.toString("latin1"));
  assert.equal(headerOf(firstRead, "Transfer-Encoding"), undefined);
  assert.equal(Number(headerOf(firstRead, "Content-Length")), bodyOf(all).length);
  assert.equal(gunzipSync(bodyOf(all)).toString(), page);
});

test("an answer already whole goes out as it came; HEAD, 204 and 304 carry no body", async () => {
  const whole = await answer((response) => {
    response.setHeader("Content-Length", 5);
    response.end("whole");
  });
  assert.equal(bodyOf(whole.all).toString(), "whole");
  assert.equal(headerOf(whole.firstRead, "Content-Length"), "5");

  const head = await answer((response) => {
    response.setHeader("Content-Length", 5);
    response.write("whole");
    response.end();
  }, "HEAD / HTTP/1.1");
  assert.equal(headerOf(head.firstRead, "Content-Length"), "5");
  assert.equal(bodyOf(head.all).length, 0);

  for (const status of [204, 304]) {
    const empty = await answer((response) => {
      response.writeHead(status);
      response.end();
    });
    assert.match(empty.firstRead, new RegExp(`^HTTP/1\\.1 ${status} `));
    assert.equal(headerOf(empty.firstRead, "Content-Length"), undefined);
    assert.equal(bodyOf(empty.all).length, 0);
  }
});

test("finish sees the whole body and may change it and the headers", async () => {
  const server = http.createServer({ ServerResponse: WholeResponse }, (_incoming, response) => {
    finishWhole(response, (body, held) => {
      held.setHeader("X-Seen", String(body.length));
      return Buffer.from(body.toString().toUpperCase());
    });
    response.writeHead(200, { "Content-Type": "text/plain" });
    response.write("gaceta ");
    setTimeout(() => response.end("diario"), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(response.headers.get("x-seen"), "13");
    assert.equal(response.headers.get("content-length"), "13");
    assert.equal(await response.text(), "GACETA DIARIO");
  } finally {
    server.close();
  }
});

test("only a held response can be finished: a server without WholeResponse is told so", () => {
  const response = new http.ServerResponse(new http.IncomingMessage(new net.Socket()));
  assert.throws(() => finishWhole(response, (body) => body), /ServerResponse: WholeResponse/);
});
