import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { figureTable, ratio, targetFigure, type Figure } from "./figures";
import type { LoadTargetInfo } from "./load-target";

/** The part of autocannon's result this benchmark reads. */
interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number };
  non2xx: number;
  errors: number;
}

type Autocannon = (opts: Record<string, unknown>) => Promise<LoadResult>;

// autocannon ships no types; it is a dev dependency used only here
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require("autocannon") as Autocannon;

const CONNECTIONS = 10;
const WARM_UP_SECONDS = 3;
const POST_TARGET = 8000;
const BODY = JSON.stringify({ channel_identities: [{ channel: "SMS", identity: "+46700000001" }], language: "EN_US", display_name: "bench" });

/** A load target running in a child process. */
interface Target {
  info: LoadTargetInfo;
  /** the CPU time (user + system, µs) the target has used so far */
  cpu(): Promise<number>;
  stop(): void;
}

/** Start `load-target.js kind` (extra node flags, e.g. --cpu-prof, from CC_BENCH_TARGET_FLAGS) and wait for its address. */
function startTarget(kind: "emulator" | "echo"): Promise<Target> {
  const flags = (process.env.CC_BENCH_TARGET_FLAGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...flags, join(__dirname, "load-target.js"), kind], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the ${kind} target exited with ${String(code)} before it listened`)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once("line", (line) => {
      child.removeAllListeners("exit");
      const cpu = (): Promise<number> =>
        new Promise((answer) => {
          lines.once("line", (reply) => answer(Number(reply)));
          child.stdin?.write("cpu\n");
        });
      resolve({ info: JSON.parse(line) as LoadTargetInfo, cpu, stop: () => child.stdin?.end() });
    });
  });
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: "POST", headers, body });
  return (await res.json()) as Record<string, unknown>;
}

/** The emulator emptied, a token and one contact to read. */
async function prepare(emu: NonNullable<LoadTargetInfo["emulator"]>): Promise<{ headers: Record<string, string>; contacts: string; contactUrl: string }> {
  await post(`${emu.adminUrl}/reset`, {}, "");
  const basic = `Basic ${Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString("base64")}`;
  const token = await post(`${emu.authUrl}/oauth2/token`, { authorization: basic, "content-type": "application/x-www-form-urlencoded" }, "grant_type=client_credentials");
  const headers = { authorization: `Bearer ${String(token.access_token)}`, "content-type": "application/json" };
  const contacts = `${emu.baseUrl}/v1/projects/${emu.projectId}/contacts`;
  const created = await post(contacts, headers, BODY);
  return { headers, contacts, contactUrl: `${contacts}/${String(created.id)}` };
}

/** One autocannon run and the server's CPU time per request during it. */
interface Measured extends LoadResult {
  cpuUsPerRequest: number;
}

async function load(target: Target, url: string, method: "GET" | "POST", headers: Record<string, string>, seconds: number): Promise<Measured> {
  const before = await target.cpu();
  const result = await autocannon({ url, method, headers, ...(method === "POST" ? { body: BODY } : {}), connections: CONNECTIONS, duration: seconds });
  const cpu = (await target.cpu()) - before;
  return { ...result, cpuUsPerRequest: cpu / Math.max(1, result.requests.total) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Every round's results of one endpoint. */
type Series = Measured[];

function row(name: string, runs: Series): string {
  const rates = runs.map((r) => r.requests.average);
  const mid = runs[rates.indexOf(median(rates))] ?? runs[0];
  const errors = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
  const cpu = median(runs.map((r) => r.cpuUsPerRequest));
  const cells = [name.padEnd(24), median(rates).toFixed(0).padStart(8), cpu.toFixed(1).padStart(9), `${mid?.latency.p50}`.padStart(5), `${mid?.latency.p90}`.padStart(5), `${mid?.latency.p99}`.padStart(5), `${errors}`.padStart(7), rates.map((r) => r.toFixed(0)).join(" ")];
  return cells.join(" ");
}

/** GET and POST of the emulator, and the bare echo server for scale; the POST target of issue 13 and whether it holds. */
export interface EmulatorLoad {
  lines: string[];
  figures: Figure[];
}

/** Interleaved rounds: echo POST, emulator POST, emulator GET (a warm-up of both servers first). */
async function measureRounds(echo: Target, emulator: Target, opts: { seconds: number; rounds: number }): Promise<Record<"echo" | "get" | "post", Series>> {
  const emu = emulator.info.emulator;
  if (!emu) throw new Error("the emulator target did not say where it listens");
  const series: Record<"echo" | "get" | "post", Series> = { echo: [], get: [], post: [] };
  for (let round = 0; round < opts.rounds; round++) {
    const { headers, contacts, contactUrl } = await prepare(emu);
    // the echo server gets the very same request (path length aside): bearer token, content type and body
    const echoUrl = `${echo.info.origin}${new URL(contacts).pathname}`;
    if (round === 0) {
      // warm-up: JIT and sockets (1 s left the first emulator round 2-5x slower than the rest on a busy machine)
      const warmUp = Math.min(WARM_UP_SECONDS, opts.seconds);
      await load(echo, echoUrl, "POST", headers, warmUp);
      await load(emulator, contacts, "POST", headers, warmUp);
      await load(emulator, contactUrl, "GET", headers, warmUp);
    }
    series.echo.push(await load(echo, echoUrl, "POST", headers, opts.seconds));
    series.post.push(await load(emulator, contacts, "POST", headers, opts.seconds));
    series.get.push(await load(emulator, contactUrl, "GET", headers, opts.seconds));
  }
  return series;
}

/**
 * Emulator GET contact and POST contacts under autocannon (10 connections), interleaved with a bare node:http echo
 * server in the same rounds; medians, and POST as a ratio to the echo server, which is what stays comparable on a
 * busy machine. Each server runs in its own process.
 */
export async function measureEmulatorLoad(opts: { seconds: number; rounds: number }): Promise<EmulatorLoad> {
  const echo = await startTarget("echo");
  const emulator = await startTarget("emulator");
  try {
    const series = await measureRounds(echo, emulator, opts);
    const rate = (s: Series) => median(s.map((r) => r.requests.average));
    const cpu = (s: Series) => median(s.map((r) => r.cpuUsPerRequest));
    const errors = (s: Series) => s.reduce((n, r) => n + r.non2xx + r.errors, 0);
    const post = rate(series.post);
    const lines = [
      `emulator load: ${CONNECTIONS} connections, ${opts.seconds} s per endpoint and round, ${opts.rounds} interleaved rounds, servers in their own processes (latency in ms; cpu = the server's CPU µs per request)`,
      `${"endpoint".padEnd(24)} ${"req/s".padStart(8)} ${"cpu µs/req".padStart(9)} ${"p50".padStart(5)} ${"p90".padStart(5)} ${"p99".padStart(5)} ${"errors".padStart(7)} req/s of every round`,
      row("bare node:http echo POST", series.echo),
      row("emulator GET contact", series.get),
      row("emulator POST contacts", series.post),
      `server CPU per request, emulator POST / bare echo POST: ${(cpu(series.post) / cpu(series.echo)).toFixed(2)}x (${cpu(series.post).toFixed(1)} / ${cpu(series.echo).toFixed(1)} µs)`,
      `emulator POST / bare echo POST: ${ratio(post / rate(series.echo))}; GET / echo: ${ratio(rate(series.get) / rate(series.echo))} (the target of ${POST_TARGET} req/s asks for a POST ratio of ${(POST_TARGET / rate(series.echo)).toFixed(3)} on this machine)`,
    ];
    const figures: Figure[] = [
      { measure: "emulator GET contact (autocannon, 10 connections)", value: `${rate(series.get).toFixed(0)} req/s (${ratio(rate(series.get) / rate(series.echo))} bare echo)` },
      targetFigure("emulator POST contacts (autocannon, 10 connections)", `${post.toFixed(0)} req/s (${ratio(post / rate(series.echo))} bare echo)`, `>= ${POST_TARGET} req/s`, post >= POST_TARGET,
        [...series.get, ...series.post].some((r) => r.non2xx + r.errors > 0) ? [`${errors(series.get) + errors(series.post)} errors or non-2xx answers`] : []),
    ];
    return { lines, figures };
  } finally {
    echo.stop();
    emulator.stop();
  }
}

// `node .bench/bench/emulator-load.js`: this part alone (CC_BENCH_LOAD_SECONDS, CC_BENCH_LOAD_ROUNDS; CC_BENCH_TARGET_FLAGS=--cpu-prof)
if (require.main === module) {
  measureEmulatorLoad({ seconds: Number(process.env.CC_BENCH_LOAD_SECONDS ?? 3), rounds: Number(process.env.CC_BENCH_LOAD_ROUNDS ?? 5) }).then(
    (result) => {
      process.stdout.write(`${[...result.lines, ...figureTable(result.figures)].join("\n")}\n`);
      process.exit(0);
    },
    (e: unknown) => {
      process.stderr.write(`emulator bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
