import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  createSandbox, freePort, needsAccount, readmeCommands, runCommand, SKIP_MARKER, startBackground,
  type Background, type CommandRun, type ReadmeCommand,
} from "./readme-commands";

const ROOT = resolve(__dirname, "..", "..");
const README = readFileSync(resolve(ROOT, "README.md"), "utf8");
const COMMANDS = readmeCommands(README);
/** generous: a command that runs every suite takes seconds; this only stops a hung one */
const COMMAND_TIMEOUT_MS = 120_000;
/** ports the README fixes (the standalone emulator, a tunnel's receiver); each block gets free stand-ins */
const FIXED_PORTS = ["8787", "8788"];

function errorCodes(stderr: string): string[] {
  return [...stderr.matchAll(/error\[(CC_[A-Z_]+)\]/g)].map((m) => m[1]!);
}

/** How a command ended, for a failure message that says which README line broke. */
function shown(c: ReadmeCommand, r: CommandRun): string {
  return `README.md:${c.line}: ${c.text}\nexit ${r.code}\n--- stdout\n${r.stdout.slice(-2000)}\n--- stderr\n${r.stderr.slice(-2000)}`;
}

function expectWorked(c: ReadmeCommand, r: CommandRun): void {
  if (needsAccount(c)) {
    // as far as the credentials step: exit 2 or 3 with the credentials diagnostic and no other error
    const ok = (r.code === 2 || r.code === 3) && errorCodes(r.stderr).length > 0 && errorCodes(r.stderr).every((code) => code === "CC_MISSING_CREDENTIAL");
    if (!ok) throw new Error(`expected to stop at the credentials step only\n${shown(c, r)}`);
    return;
  }
  if (r.code !== 0 || errorCodes(r.stderr).length > 0) throw new Error(`expected exit 0 without errors\n${shown(c, r)}`);
}

describe("README commands: extraction", () => {
  it("takes conversation-contract, npx conversation-contract and node dist/ lines of shell blocks only", () => {
    const md = [
      "```sh", "npx conversation-contract run --target eu", "conversation-contract emulator --port 8787 &", "npm ci && npm start",
      "conversation-contract run \\", "  --region us", `conversation-contract compare a b ${SKIP_MARKER} (needs two results files)`, "```",
      "```text", "conversation-contract run [SUITE...]   synopsis", "```",
      "```yaml", "conversation-contract: not a command", "```",
      "```", "node dist/cli/main.js --version", "$ conversation-contract --help", "```",
    ].join("\n");
    expect(readmeCommands(md).map((c) => [c.line, c.text, c.block, c.background])).toEqual([
      [2, "npx conversation-contract run --target eu", 0, false],
      [3, "conversation-contract emulator --port 8787", 0, true],
      [5, "conversation-contract run --region us", 0, false],
      [16, "node dist/cli/main.js --version", 3, false],
      [17, "conversation-contract --help", 3, false],
    ]);
    expect(needsAccount({ line: 1, text: "npx conversation-contract run --target eu --exclude-tag callbacks", block: 0, background: false })).toBe(true);
    expect(needsAccount({ line: 1, text: "conversation-contract run --target http://127.0.0.1:1", block: 0, background: false })).toBe(false);
  });

  it("finds the README's commands: some need an account, some run the emulator", () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(4);
    expect(COMMANDS.some(needsAccount)).toBe(true);
    expect(COMMANDS.some((c) => c.background && / emulator\b/.test(c.text))).toBe(true);
    expect(COMMANDS.some((c) => !needsAccount(c) && !c.background)).toBe(true);
  });
});

const BLOCKS = [...new Set(COMMANDS.map((c) => c.block))].map((block) => COMMANDS.filter((c) => c.block === block));

describe("README commands: each works as written (emulator: exit 0; a real region: up to the credentials step)", () => {
  it.each(BLOCKS.map((cmds) => [`README.md:${cmds[0]!.line}`, cmds] as const))("the block at %s", async (_where, cmds) => {
    const ports = new Map<string, string>();
    for (const fixed of FIXED_PORTS) ports.set(fixed, String(await freePort()));
    const sandbox = createSandbox(ROOT, ports);
    const servers: Array<{ c: ReadmeCommand; server: Background }> = [];
    try {
      for (const c of cmds) {
        if (c.background) {
          const server = startBackground(c.text, sandbox, COMMAND_TIMEOUT_MS * 3);
          const ended = await server.ready;
          if (ended) throw new Error(`the background command ended before it was ready\n${shown(c, ended)}`);
          servers.push({ c, server });
          continue;
        }
        expectWorked(c, await runCommand(c.text, sandbox, COMMAND_TIMEOUT_MS));
      }
    } finally {
      for (const { c, server } of servers) {
        const r = await server.stop();
        if (r.code !== 0) throw new Error(`the background command did not stop cleanly on SIGINT\n${shown(c, r)}`);
      }
    }
  }, COMMAND_TIMEOUT_MS * 4);
});
