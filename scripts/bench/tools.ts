/** Tools and measurements for `npm run bench` and `npm run loadtest`. */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { sleep } from "../servers";

export const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
export const mean = (values: number[]) => sum(values) / values.length;

export const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** wrk, nginx and Chromium come from Debian; install them when missing and allowed. */
export function ensureDebianTools(tools: Record<string, string>) {
  const missing = Object.entries(tools).filter(([binary]) => spawnSync("sh", ["-c", `command -v ${binary}`]).status !== 0);
  if (!missing.length) return;
  const packages = missing.map(([, pkg]) => pkg);
  if (process.getuid?.() !== 0)
    throw new Error(`missing ${packages.join(", ")}: install them with apt-get install -y ${packages.join(" ")}`);
  log(`installing ${packages.join(", ")} from Debian`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...packages], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/** Resident memory of each process of a process group, in bytes, with its command line. */
function processRss(pgid: number): { bytes: number; command: string }[] {
  const result = spawnSync("ps", ["-o", "rss=,args=", "-g", String(pgid)], { encoding: "utf8" });
  return result.stdout.split("\n").flatMap((line) => {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    return match ? [{ bytes: Number(match[1]) * 1024, command: match[2]! }] : [];
  });
}

const totalBytes = (processes: { bytes: number }[]) => processes.reduce((total, { bytes }) => total + bytes, 0);

/** Resident memory of a whole process group, in bytes. */
export const groupRss = (pgid: number) => totalBytes(processRss(pgid));

/** Next.js's own processes: `next build` and the workers it starts, by the path they run from. */
const NEXT_PROCESS = /node_modules\/(?:\.bin\/next|next\/)/;

/**
 * Runs a command in its own process group; returns its wall time, the group's peak memory, the
 * most any one of its processes held at once, and the most any one of Next.js's did (`next build`
 * or one of its workers, apart from the content compile before it).
 */
export async function measure(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd?: string) {
  const started = performance.now();
  const output: Buffer[] = [];
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  let peakRss = 0;
  let peakProcessRss = 0;
  let peakNextProcessRss = 0;
  const sampler = setInterval(() => {
    const each = processRss(child.pid!);
    peakRss = Math.max(peakRss, totalBytes(each));
    peakProcessRss = Math.max(peakProcessRss, ...each.map(({ bytes }) => bytes));
    peakNextProcessRss = Math.max(
      peakNextProcessRss,
      ...each.filter(({ command }) => NEXT_PROCESS.test(command)).map(({ bytes }) => bytes),
    );
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  await writeFile(logFile, Buffer.concat(output));
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (${code}); see ${logFile}`);
  return {
    seconds: (performance.now() - started) / 1000,
    peakRssBytes: peakRss,
    peakProcessRssBytes: peakProcessRss,
    peakNextProcessRssBytes: peakNextProcessRss,
  };
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

const toMs = (value: string) => {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!match) return Number.NaN;
  const amount = Number(match[1]);
  return { us: amount / 1000, ms: amount, s: amount * 1000, m: amount * 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
};

export const CLOCK_TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/**
 * CPU time, user and system, that a process group has used so far, in seconds (Linux's /proc).
 * Per request, it counts the server's own work and not the time it waited for a core that wrk,
 * sharing the machine, held; so it tells the server's cost from wrk's reading of the answer.
 */
export function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // the process ended meanwhile
    }
    // Fields after the command name, which sits in parentheses and may hold spaces: state, ppid,
    // pgrp, … utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** A fixed concurrent load with wrk: 2 threads, 32 connections. */
export function wrk(url: string, seconds: number, connections = 32): LoadResult {
  const result = spawnSync("wrk", ["-t2", `-c${connections}`, `-d${seconds}s`, "--latency", url], { encoding: "utf8" });
  const text = result.stdout;
  const grab = (pattern: RegExp) => pattern.exec(text)?.[1] ?? "";
  const errors = [...text.matchAll(/(connect|read|write|timeout) (\d+)/g)].reduce((sum, match) => sum + Number(match[2]), 0);
  return {
    requests: Number(grab(/(\d+) requests in/)),
    requestsPerSecond: Number(grab(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: toMs(grab(/\s50%\s+(\S+)/)),
    p99Ms: toMs(grab(/\s99%\s+(\S+)/)),
    non2xx: Number(grab(/Non-2xx or 3xx responses: (\d+)/) || 0),
    errors,
  };
}

export interface ServerLoadResult extends LoadResult {
  /** CPU time the server's process group used during the load, in seconds. */
  serverCpuSeconds: number;
}

/** wrk's load on a server of ours, with the CPU that server used meanwhile. */
export function wrkServer(url: string, seconds: number, pgid: number): ServerLoadResult {
  const before = groupCpuSeconds(pgid);
  const result = wrk(url, seconds);
  return { ...result, serverCpuSeconds: groupCpuSeconds(pgid) - before };
}

/** Server CPU a request, in microseconds, over every run given. */
export const cpuMicrosecondsPerRequest = (results: ServerLoadResult[]) =>
  (sum(results.map((r) => r.serverCpuSeconds)) / sum(results.map((r) => r.requests))) * 1e6;

/** fetch, tried again when a kept-alive connection was closed under it. */
export async function fetchWithRetry(url: string | URL, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(200);
    }
  }
}

export const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, "utf8")) as T;

/** The bytes of every file under a directory (`du`'s apparent sizes); 0 when there is none. */
export function directoryBytes(dir: string): number {
  const result = spawnSync("du", ["-sb", dir], { encoding: "utf8" });
  return Number(result.stdout.split("\t")[0]) || 0;
}
