import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CLI, runBuiltCli } from "./cli-process";

const ROOT = resolve(__dirname, "..", "..");
const ANSI = /\x1b\[[0-9;]*m/;

describe("the built CLI's output", () => {
  it("survives a reader that goes away (`run | head`): no EPIPE, the run finishes, reports are written, exit code is the run's", async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-epipe-"));
    const child = spawn(process.execPath, [CLI, "run", "suites/contacts.yaml", "--region", "us", "--out", out], {
      cwd: ROOT, env: { PATH: process.env.PATH ?? "", CI: "true" }, stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let first = "";
    child.stderr.on("data", (d) => (stderr += d));
    // like `head -1`: read the first line, then close the pipe while the run goes on writing
    child.stdout.once("data", (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(first).toMatch(/^Running 1 suite run\(s\) in us/);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(existsSync(join(out, "junit.xml"))).toBe(true);
    expect(existsSync(join(out, "results.json"))).toBe(true);
  }, 60_000);

  it("is colored into a pipe with FORCE_COLOR=1, plain without it, and plain with --no-color", async () => {
    const args = ["run", "suites/contacts.yaml", "--region", "us", "--reporter", "console"];
    const forced = await runBuiltCli(args, { cwd: ROOT, env: { FORCE_COLOR: "1", CI: "true" } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(ANSI);
    const plain = await runBuiltCli(args, { cwd: ROOT, env: { CI: "true" } });
    expect(plain.stdout).not.toMatch(ANSI);
    const off = await runBuiltCli([...args, "--no-color"], { cwd: ROOT, env: { FORCE_COLOR: "1", CI: "true" } });
    expect(off.stdout).not.toMatch(ANSI);
  }, 60_000);

  it("answers `help run` with the run options and their defaults, and a mistyped command with a did-you-mean", async () => {
    const help = await runBuiltCli(["help", "run"], { cwd: ROOT });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: conversation-contract run [SUITE...] [options]");
    expect(help.stdout).toMatch(/--concurrency N +suites run at once \[default 4; env CC_CONCURRENCY\]/);
    expect(help.stdout).not.toContain("--port");
    const typo = await runBuiltCli(["chek", "suites/contacts.yaml"], { cwd: ROOT });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error[CC_UNKNOWN_COMMAND]: unknown command "chek"');
    expect(typo.stderr).toContain("= hint: did you mean check?");
  });

  it("points a wrong type in the config file at its line and column with a code frame, and exits 2", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "cc-config-cli-"));
    writeFileSync(join(cwd, "conversation-contract.config.json"), '{\n  "tag": {"smoke": true}\n}\n');
    const r = await runBuiltCli(["run", "--region", "us"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[CC_BAD_OPTION]: "tag": {"smoke":true} is not a string or a list of strings');
    expect(r.stderr).toContain("--> conversation-contract.config.json:2:10");
    expect(r.stderr).toMatch(/ 2 \|   "tag": \{"smoke": true\}\n +\| +\^/);
    expect(r.stderr).not.toContain("--tag");
    expect(r.stdout).toBe("");
  });
});
