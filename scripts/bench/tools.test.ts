import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { test } from "node:test";
import { sleep } from "../servers";
import { cpuMicrosecondsPerRequest, groupCpuSeconds } from "./tools";

/** A process in a group of its own; with `busyChild`, it idles while a child of it spins. */
function group(busyChild: boolean): ChildProcess {
  const spin = "for (;;) {}";
  const script = busyChild
    ? `require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(spin)}], { stdio: "ignore" }); setInterval(() => {}, 1000);`
    : "setInterval(() => {}, 1000);";
  return spawn(process.execPath, ["-e", script], { detached: true, stdio: "ignore" });
}

test("a process group's CPU time counts every process in it, and no other", async () => {
  const busy = group(true);
  const idle = group(false);
  try {
    await sleep(1000);
    assert.ok(groupCpuSeconds(busy.pid!) >= 0.3, `the spinning child's CPU is counted (${groupCpuSeconds(busy.pid!)} s)`);
    // Only Node's start-up: the busy group's child is not counted here.
    assert.ok(groupCpuSeconds(idle.pid!) < 0.2, `an idle group stays idle (${groupCpuSeconds(idle.pid!)} s)`);
  } finally {
    for (const child of [busy, idle]) process.kill(-child.pid!, "SIGKILL");
  }
});

test("server CPU a request is all the runs' CPU over all their requests", () => {
  const run = (requests: number, serverCpuSeconds: number) => ({ requests, serverCpuSeconds, requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, non2xx: 0, errors: 0 });
  assert.equal(cpuMicrosecondsPerRequest([run(1000, 0.5), run(3000, 0.5)]), 250);
});
