import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** One shell command of a README code block, as written. */
export interface ReadmeCommand {
  /** 1-based line in the README */
  line: number;
  text: string;
  /** index of its code block: commands of one block run in order, in one sandbox */
  block: number;
  /** ends with a lone `&`: runs in the background until its block is done (the emulator) */
  background: boolean;
}

/** Code blocks whose commands are run: shell blocks, and blocks with no language; ```text is a synopsis. */
const SHELL_INFO = new Set(["", "sh", "bash", "shell", "console"]);
const COMMAND = /^(?:npx\s+)?conversation-contract(?:\s|$)|^node\s+dist\//;
/** A command that ends with this comment is not run: `... # readme-test: skip (why)`. */
export const SKIP_MARKER = "# readme-test: skip";

/** Every `conversation-contract ...`, `npx conversation-contract ...` and `node dist/...` line of the shell blocks. */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  const lines = markdown.split("\n");
  let block = -1;
  let inShell: boolean | undefined;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^\s*```(.*)$/.exec(lines[i]!);
    if (fence) {
      if (inShell === undefined) {
        block += 1;
        inShell = SHELL_INFO.has(fence[1]!.trim().toLowerCase());
      } else inShell = undefined;
      continue;
    }
    if (!inShell) continue;
    const start = i;
    let text = lines[i]!.trim().replace(/^\$\s+/, "");
    while (text.endsWith("\\") && i + 1 < lines.length) text = `${text.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    if (!COMMAND.test(text) || text.includes(SKIP_MARKER)) continue;
    const background = /[^&]&$/.test(text);
    commands.push({ line: start + 1, text: background ? text.slice(0, -1).trim() : text, block, background });
  }
  return commands;
}

/** `--target us|eu|br` (or CC_TARGET=...): the command needs a real account, and is checked up to the credentials step. */
export function needsAccount(command: ReadmeCommand): boolean {
  return /(?:--target[= ]|CC_TARGET=)(?:us|eu|br)\b/.test(command.text);
}

/** A free port on 127.0.0.1 (the sandbox's stand-in for a port the README fixes, such as 8787). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** Where README commands run: a fresh folder that looks like a clone (and has the package under node_modules/). */
export interface Sandbox {
  cwd: string;
  env: Record<string, string>;
  /** the README's fixed ports -> free ones, applied to commands and to the environment files */
  ports: Map<string, string>;
}

/**
 * A temp folder with the repository's suites/, schemas/ and dist/ linked, collections/ copied with the fixed
 * ports of the environment files replaced, node_modules/conversation-contract linked to the repository, and
 * `conversation-contract` and `npx conversation-contract` on PATH running the built CLI. No credentials.
 */
export function createSandbox(repoRoot: string, ports: Map<string, string>): Sandbox {
  const cwd = mkdtempSync(join(tmpdir(), "cc-readme-"));
  for (const dir of ["suites", "schemas", "dist"]) symlinkSync(join(repoRoot, dir), join(cwd, dir), "junction");
  cpSync(join(repoRoot, "collections"), join(cwd, "collections"), { recursive: true });
  const envDir = join(cwd, "collections", "environments");
  for (const file of readdirSync(envDir)) {
    const text = readFileSync(join(envDir, file), "utf8");
    writeFileSync(join(envDir, file), withPorts(text, ports));
  }
  mkdirSync(join(cwd, "node_modules"));
  symlinkSync(repoRoot, join(cwd, "node_modules", "conversation-contract"), "junction");
  const bin = join(cwd, ".bin");
  mkdirSync(bin);
  const cli = resolve(repoRoot, "dist", "cli", "main.js");
  writeFileSync(join(bin, "conversation-contract"), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  writeFileSync(join(bin, "npx"), '#!/bin/sh\nif [ "$1" = conversation-contract ]; then shift; exec conversation-contract "$@"; fi\necho "npx $1: only conversation-contract runs in the README test" >&2\nexit 127\n');
  for (const name of ["conversation-contract", "npx"]) chmodSync(join(bin, name), 0o755);
  return { cwd, env: { PATH: `${bin}:${process.env.PATH ?? ""}`, HOME: cwd, CI: "true" }, ports };
}

/** The text with each fixed port replaced by its free stand-in. */
export function withPorts(text: string, ports: Map<string, string>): string {
  let out = text;
  for (const [fixed, free] of ports) out = out.replace(new RegExp(`\\b${fixed}\\b`, "g"), free);
  return out;
}

/** What a finished command left behind. */
export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command through `sh -c` in the sandbox; a command that outlives `timeoutMs` is killed (and fails). */
export function runCommand(text: string, sandbox: Sandbox, timeoutMs: number): Promise<CommandRun> {
  const child = spawn("sh", ["-c", withPorts(text, sandbox.ports)], { cwd: sandbox.cwd, env: sandbox.env, stdio: ["ignore", "pipe", "pipe"] });
  return collect(child, timeoutMs);
}

/** A background command (the emulator): started, and ready once it printed its first line. */
export interface Background {
  ready: Promise<CommandRun | undefined>;
  /** SIGINT, then what it printed and how it ended */
  stop(): Promise<CommandRun>;
}

/** Starts a command in the background; `ready` resolves when it printed a line (undefined) or ended early (its run). */
export function startBackground(text: string, sandbox: Sandbox, timeoutMs: number): Background {
  const child = spawn("sh", ["-c", `exec ${withPorts(text, sandbox.ports)}`], { cwd: sandbox.cwd, env: sandbox.env, stdio: ["ignore", "pipe", "pipe"] });
  const finished = collect(child, timeoutMs);
  const ready = new Promise<CommandRun | undefined>((done) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("\n")) done(undefined);
    });
    void finished.then(done);
  });
  return {
    ready,
    stop: () => {
      child.kill("SIGINT");
      return finished;
    },
  };
}

function collect(child: ChildProcess, timeoutMs: number): Promise<CommandRun> {
  return new Promise((done, fail) => {
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
