import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { sleep } from "../servers";
import { CLOCK_TICKS_PER_SECOND, cpuMicrosecondsPerRequest, groupCpuSeconds } from "./tools";

/** A process in a group of its own; with `busyChild`, it idles while a child of it spins. */
function group(busyChild: boolean): ChildProcess {
  const spin = "for (;;) {}";
  const script = busyChild
    ? `require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(spin)}], { stdio: "ignore" }); setInterval(() => {}, 1000);`
    : "setInterval(() => {}, 1000);";
  return spawn(process.execPath, ["-e", script], { detached: true, stdio: "ignore" });
}

/** One process's own CPU seconds, from /proc, as groupCpuSeconds reads them. */
function ownCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

// However loaded the machine: the busy group is watched until its child has spun a while (a
// minute at most), and the idle group is compared with its one process, not with a duration.
test("a process group's CPU time counts every process in it, and no other", async () => {
  const busy = group(true);
  const idle = group(false);
  try {
    const childSeconds = () => groupCpuSeconds(busy.pid!) - ownCpuSeconds(busy.pid!);
    const deadline = Date.now() + 60_000;
    while (childSeconds() < 0.3 && Date.now() < deadline) await sleep(100);
    assert.ok(childSeconds() >= 0.3, `the spinning child's CPU is counted (${childSeconds()} s beyond its parent's)`);
    assert.equal(
      groupCpuSeconds(idle.pid!),
      ownCpuSeconds(idle.pid!),
      "the idle group is its one idle process: nobody else's CPU is counted",
    );
  } finally {
    for (const child of [busy, idle]) process.kill(-child.pid!, "SIGKILL");
  }
});

test("server CPU a request is all the runs' CPU over all their requests", () => {
  const run = (requests: number, serverCpuSeconds: number) => ({
    requests,
    serverCpuSeconds,
    requestsPerSecond: 0,
    p50Ms: 0,
    p99Ms: 0,
    non2xx: 0,
    errors: 0,
  });
  assert.equal(cpuMicrosecondsPerRequest([run(1000, 0.5), run(3000, 0.5)]), 250);
});
