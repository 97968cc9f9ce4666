/** The servers the benchmark, the load test and the tests start: the site's server and nginx. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
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
 * The command that serves a built project: its own server (scripts/serve.ts, the guard before
 * Next.js) where it has one, else `next start` (the bare page, or a commit from before the
 * server existed, which bench:compare may build).
 */
export function serverCommand(port: number, dir: string): string[] {
  if (existsSync(path.join(dir, "scripts", "serve.ts")))
    return ["--import", "tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"];
  const own = path.join(dir, "node_modules", "next", "dist", "bin", "next");
  const next = existsSync(own) ? own : path.resolve("node_modules", "next", "dist", "bin", "next");
  return [next, "start", "-p", String(port), "-H", "127.0.0.1"];
}

/**
 * A built project served on 127.0.0.1:port from its directory (a scratch copy of the site, or the
 * bare page): the site reads its compiled content from the directory it runs in.
 */
export async function startNext(port: number, env: NodeJS.ProcessEnv, dir = process.cwd()): Promise<Server> {
  const child = spawn(process.execPath, serverCommand(port, dir), {
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

/** nginx with one server block, its temp files and logs under `dir`. */
export async function startNginx(dir: string, serverBlock: string, port: number): Promise<Server> {
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
 * cache directory, upstream port, listening address and server name changed, in front of next
 * start on `upstreamPort`.
 */
export async function startRecommendedProxy(dir: string, { upstreamPort, port }: { upstreamPort: number; port: number }): Promise<Server> {
  let conf = await readFile(path.resolve("deploy", "nginx", "gaceta.conf"), "utf8");
  for (const [from, to] of [
    ["/var/cache/nginx/gaceta", path.join(dir, "cache")],
    ["server 127.0.0.1:3000;", `server 127.0.0.1:${upstreamPort};`],
    ["listen 80 default_server;", `listen 127.0.0.1:${port} default_server;`],
    ["listen 80;", `listen 127.0.0.1:${port};`],
    // Requests reach it as http://127.0.0.1:{port}: that is its name here.
    ["server_name gaceta.example;", "server_name 127.0.0.1;"],
  ] as const) {
    if (!conf.includes(from)) throw new Error(`deploy/nginx/gaceta.conf no longer contains "${from}"`);
    conf = conf.replace(from, to);
  }
  return startNginx(dir, conf, port);
}
