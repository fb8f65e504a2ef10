import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CLI } from "./cli-process";

const ROOT = resolve(__dirname, "..", "..");

// a poll that never holds: the run is in a retry loop (sending, then waiting to send again) when SIGINT comes
const POLL = [
  "name: Polls forever",
  "steps:",
  "  - name: poll until never",
  "    request: Contacts/List contacts",
  "    expect: { status: 200 }",
  '    retry: { until: { body: { "$.contacts[0].id": never } }, attempts: 1000, delay_ms: 50 }',
  "",
].join("\n");

describe("an interrupt during a retry loop (issue 9.5, built CLI, in-process emulator)", () => {
  it("is interrupted: exit 3 with CC_INTERRUPTED, the step an error CC_INTERRUPTED, no contract failure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-e2e-poll-int-"));
    writeFileSync(join(dir, "poll.yaml"), POLL);
    const out = join(dir, "out");
    const child = spawn(process.execPath, [CLI, "run", join(dir, "poll.yaml"), "--region", "us", "--verbose", "--reporter", "console,json", "--out", out], {
      cwd: ROOT, env: { PATH: process.env.PATH ?? "", CI: "true" }, stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
    // --verbose shows each poll as it goes: interrupt once a few have been sent
    await new Promise<void>((polling) => child.stdout.on("data", (d) => {
      stdout += d;
      if ((stdout.match(/^> GET /gm) ?? []).length >= 3) polling();
    }));
    child.kill("SIGINT");
    expect(await exited).toBe(3);
    expect(stderr).toContain("error[CC_INTERRUPTED]");
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(results.footer).toMatchObject({ interrupted: true, totals: { failed: 0, errors: 1 } });
    expect(results.suites[0].steps[0]).toMatchObject({ outcome: "error", error: { code: "CC_INTERRUPTED" }, failures: [] });
    expect(stdout).not.toContain("retry.until did not hold");
    // the suite's console line says it was interrupted, not how many of its steps failed
    expect(stdout).toMatch(/^✗ Polls forever \[us\] \S+poll\.yaml interrupted after 0 of 1 steps /m);
    expect(stdout).not.toContain("steps failed");
    expect(results.suites[0]).toMatchObject({ interrupted: true });
  }, 60_000);
});

// issue 10: check and coverage only read files, so the first SIGINT ends them at once, even in the middle of loading
describe("an interrupt while check or coverage loads a large project (built CLI)", () => {
  const SUITES = 2_000;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cc-e2e-load-int-"));
    const fixtures = join(ROOT, "src", "e2e", "fixtures");
    for (const sub of ["collections", "schemas"]) cpSync(join(fixtures, sub), join(dir, sub), { recursive: true });
    const green = readFileSync(join(fixtures, "suites", "green.yaml"), "utf8");
    mkdirSync(join(dir, "suites"));
    for (let i = 0; i < SUITES; i++) writeFileSync(join(dir, "suites", `s${i}.yaml`), green.replace(/^name: .*$/m, `name: Green ${i}`));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["check", "coverage"])("%s: exit 3 with CC_INTERRUPTED soon after SIGINT, before the result, no stack trace", async (command) => {
    const child = spawn(process.execPath, [CLI, command, "suites", "--collections", "collections", "--schemas", "schemas"], {
      cwd: dir, env: { PATH: process.env.PATH ?? "", DEBUG: "1" }, stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
    await new Promise<void>((parsing) => child.stderr.on("data", (d) => {
      stderr += d;
      if (stderr.includes(`debug: parsing ${SUITES} suite file(s)`)) parsing();
    }));
    const sent = Date.now();
    child.kill("SIGINT");
    expect(await exited).toBe(3);
    // parsing 2000 suites takes seconds; a loop that cannot see the signal would print the result first
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(stdout).toBe("");
    expect(stderr).toContain(`error[CC_INTERRUPTED]: SIGINT: the ${command} was stopped before it finished`);
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
