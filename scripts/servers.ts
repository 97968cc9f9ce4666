/** The servers the benchmark, the load test and the tests start: the site's server and nginx. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Server {
  process: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export async function waitForUrl(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Node's arguments in a project's `npm run serve` (`node <flags> scripts/serve.ts`): the one place
 * that says how the site's server runs, so that the tests and the benchmark run it the same way.
 */
export function serveArguments(dir: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const words = scripts?.serve?.trim().split(/\s+/) ?? [];
  if (words[0] !== "node" || !words.at(-1)?.endsWith("scripts/serve.ts"))
    throw new Error(`${dir}/package.json: "serve" is not "node [flags] scripts/serve.ts" (is ${JSON.stringify(scripts?.serve)})`);
  return words.slice(1);
}

/**
 * The command that serves a built project: its own server (scripts/serve.ts, the guard before
 * Next.js) as its `npm run serve` runs it, where it has one, else `next start` (the bare page, or
 * a commit from before the server existed, which bench:compare may build).
 */
export function serverCommand(port: number, dir: string, serveFlags: string[] = []): string[] {
  if (existsSync(path.join(dir, "scripts", "serve.ts")))
    return [...serveArguments(dir), "-p", String(port), "-H", "127.0.0.1", ...serveFlags];
  const own = path.join(dir, "node_modules", "next", "dist", "bin", "next");
  const next = existsSync(own) ? own : path.resolve("node_modules", "next", "dist", "bin", "next");
  return [next, "start", "-p", String(port), "-H", "127.0.0.1"];
}

/**
 * A built project served on 127.0.0.1:port from its directory (a scratch copy of the site, or the
 * bare page): the site reads its compiled content from the directory it runs in. `node` is the
 * Node.js binary it runs on: this process's, unless the bench is asked for another. `serveFlags`
 * go to the site's own server (scripts/serve.ts), such as `--no-warming`.
 */
export async function startNext(
  port: number,
  env: NodeJS.ProcessEnv,
  dir = process.cwd(),
  node = process.execPath,
  serveFlags: string[] = [],
): Promise<Server> {
  const child = spawn(node, serverCommand(port, dir, serveFlags), {
    cwd: dir,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/`);
  return { process: child, url, stop: () => stopGroup(child) };
}

export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return;
  }
  await Promise.race([exited, sleep(10_000)]);
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

/** The processes whose parent is `pid`, from /proc. */
function childPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

/** Writes nginx.conf in `dir` for one server block, its temp files and logs under `dir`; returns its path. */
async function writeNginxConf(dir: string, serverBlock: string): Promise<string> {
  await mkdir(path.join(dir, "logs"), { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  await writeFile(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
${serverBlock}
}
`,
  );
  return conf;
}

/** nginx with one server block, its temp files and logs under `dir`. */
export async function startNginx(dir: string, serverBlock: string, port: number): Promise<Server> {
  const conf = await writeNginxConf(dir, serverBlock);
  try {
    execFileSync("nginx", ["-t", "-q", "-c", conf], { stdio: "inherit" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error("nginx is not installed: apt-get install -y nginx");
    throw error;
  }
  const child = spawn("nginx", ["-c", conf, "-g", "daemon off;"], { detached: true, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/`);
  return { process: child, url, stop: () => stopGroup(child, "SIGQUIT") };
}

/**
 * The production setup the README recommends: deploy/nginx/gaceta.conf as shipped, with only its
 * cache directory, upstream servers, listening address and server name changed, in front of the
 * site's servers on `upstreamPorts`.
 */
async function recommendedProxyBlock(dir: string, upstreamPorts: number[], port: number): Promise<string> {
  let conf = await readFile(path.resolve("deploy", "nginx", "gaceta.conf"), "utf8");
  const upstreams = upstreamPorts.map((upstream) => `server 127.0.0.1:${upstream};`).join("\n    ");
  for (const [from, to] of [
    ["/var/cache/nginx/gaceta", path.join(dir, "cache")],
    ["server 127.0.0.1:3000;", upstreams],
    ["listen 80 default_server;", `listen 127.0.0.1:${port} default_server;`],
    ["listen 80;", `listen 127.0.0.1:${port};`],
    // Requests reach it as http://127.0.0.1:{port}: that is its name here.
    ["server_name gaceta.example;", "server_name 127.0.0.1;"],
  ] as const) {
    if (!conf.includes(from)) throw new Error(`deploy/nginx/gaceta.conf no longer contains "${from}"`);
    conf = conf.replace(from, to);
  }
  return conf;
}

export interface Proxy extends Server {
  /** Points the proxy at other servers, as a deploy does: nginx reloads, its old workers finish what they serve. */
  reload(upstreamPorts: number[]): Promise<void>;
}

export async function startRecommendedProxy(
  dir: string,
  { upstreamPort, upstreamPorts = [upstreamPort!], port }: { upstreamPort?: number; upstreamPorts?: number[]; port: number },
): Promise<Proxy> {
  const server = await startNginx(dir, await recommendedProxyBlock(dir, upstreamPorts, port), port);
  return {
    ...server,
    reload: async (ports) => {
      const conf = await writeNginxConf(dir, await recommendedProxyBlock(dir, ports, port));
      execFileSync("nginx", ["-t", "-q", "-c", conf], { stdio: "inherit" });
      const oldWorkers = childPids(server.process.pid!);
      execFileSync("nginx", ["-c", conf, "-s", "reload"], { stdio: "inherit" });
      // Done when the workers of the old configuration have finished what they served and left:
      // from then on every request meets the new one.
      const deadline = Date.now() + 30_000;
      while (childPids(server.process.pid!).some((pid) => oldWorkers.includes(pid))) {
        if (Date.now() > deadline) throw new Error("nginx's old workers did not leave within 30 s of a reload");
        await sleep(50);
      }
    },
  };
}
