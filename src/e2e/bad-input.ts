import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../cli/io";
import { runCli } from "../cli/run-cli";
import { startFakeApi, type FakeApi } from "./fake-api";

const FIXTURES = join(__dirname, "fixtures");
const CREDENTIALS = { SINCH_CLIENT_ID: "bad-input-id", SINCH_CLIENT_SECRET: "bad-input-secret", SINCH_PROJECT_ID: "bad-input-project" };

/** A copy of src/e2e/fixtures (collections, schemas, suites) in a temporary folder, to break one file of. */
export interface Workspace {
  dir: string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** rewrite a JSON file through `change` (which edits the parsed value in place), pretty-printed */
  editJson(rel: string, change: (json: Record<string, unknown>) => void): void;
  remove(rel: string): void;
  close(): void;
}

/** Copy the end-to-end fixtures into a fresh temporary workspace. */
export function fixtureWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), "cc-bad-input-"));
  for (const sub of ["collections", "schemas", "suites"]) cpSync(join(FIXTURES, sub), join(dir, sub), { recursive: true });
  const read = (rel: string) => readFileSync(join(dir, rel), "utf8");
  const write = (rel: string, text: string) => writeFileSync(join(dir, rel), text);
  return {
    dir,
    read,
    write,
    editJson: (rel, change) => {
      const json = JSON.parse(read(rel)) as Record<string, unknown>;
      change(json);
      write(rel, JSON.stringify(json, null, 2));
    },
    remove: (rel) => rmSync(join(dir, rel), { recursive: true, force: true }),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What one in-process CLI call printed and returned. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI in-process (real parsing, loading, checking; the same code as the binary) in `cwd`. */
export async function cliIn(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: { ...CREDENTIALS, ...env }, cwd, stdoutTty: false, signal: new AbortController().signal };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A fake API that counts requests, so a test can prove nothing was sent. */
export function startCountingApi(): Promise<FakeApi> {
  return startFakeApi({ clientId: CREDENTIALS.SINCH_CLIENT_ID, clientSecret: CREDENTIALS.SINCH_CLIENT_SECRET, token: "bad-input-token" });
}

/** For the whole file: a counting fake API and a fixture workspace, handed to `use` once started; closed after. */
export function useCountingApiAndWorkspace(use: (started: { api: FakeApi; ws: Workspace }) => void): void {
  let started: { api: FakeApi; ws: Workspace } | undefined;
  beforeAll(async () => {
    started = { api: await startCountingApi(), ws: fixtureWorkspace() };
    use(started);
  });
  afterAll(async () => {
    started?.ws.close();
    await started?.api.close();
  });
}

/** The arguments of `run` against `api` with the workspace's collection and schemas, for the suite given. */
export function runArgs(api: FakeApi, suite = "suites/green.yaml"): string[] {
  return ["run", suite, "--target", api.url, "--collections", "collections", "--schemas", "schemas", "--reporter", "json", "--out", "reports"];
}

/** The arguments of `check` with the workspace's collection and schemas. */
export function checkArgs(suite = "suites/green.yaml"): string[] {
  return ["check", suite, "--collections", "collections", "--schemas", "schemas"];
}

const STACK_FRAME = /^\s+at .+(:\d+:\d+|\(native\))\)?$/m;

/**
 * Assert that a command rejected its input as the README promises: exit 2, the expected diagnostic code pointed at
 * `file:line:column` (a regular expression for the path and position), and no stack trace.
 */
export function expectRejected(result: CliResult, code: string, at: RegExp): void {
  expect({ code: result.code, stack: STACK_FRAME.test(result.err) }).toEqual({ code: 2, stack: false });
  expect(result.err).toContain(`error[${code}]`);
  const places = result.err.split("\n").filter((line) => line.trimStart().startsWith("--> ")).map((line) => line.trim().slice(4));
  expect(places).toEqual(expect.arrayContaining([expect.stringMatching(at)]));
}

/**
 * "file:line:column$" of the first place `needle` is written in a workspace file (after `anchor`, when given; `shift`
 * characters further), found by plain text search, as a pattern for `expectRejected`.
 */
export function placeOf(ws: Workspace, rel: string, needle: string, anchor = "", shift = 0): RegExp {
  const text = ws.read(rel);
  const found = text.indexOf(needle, text.indexOf(anchor));
  const offset = found < 0 ? found : found + shift;
  if (offset < 0) throw new Error(`${needle} is not in ${rel}`);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return new RegExp(`${rel.replace(/[.]/g, "\\.")}:${line}:${column}$`);
}
