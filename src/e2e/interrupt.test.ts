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

/** The built CLI with `args`, interrupted (SIGINT) once what it wrote to `watch` says it is in the middle of the work. */
async function interruptWhen(args: string[], opts: { cwd: string; env: Record<string, string> }, watch: "stdout" | "stderr", ready: (text: string) => boolean) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: { PATH: process.env.PATH ?? "", ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
  const text = { stdout: "", stderr: "" };
  child.stdout.on("data", (d) => (text.stdout += d));
  child.stderr.on("data", (d) => (text.stderr += d));
  const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
  await new Promise<void>((go) => child[watch].on("data", () => ready(text[watch]) && go()));
  const sent = Date.now();
  child.kill("SIGINT");
  const code = await exited;
  return { code, ...text, msAfterSignal: Date.now() - sent };
}

describe("an interrupt during a retry loop (issue 9.5, built CLI, in-process emulator)", () => {
  it("is interrupted: exit 3 with CC_INTERRUPTED, the step an error CC_INTERRUPTED, no contract failure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-e2e-poll-int-"));
    writeFileSync(join(dir, "poll.yaml"), POLL);
    const out = join(dir, "out");
    const args = ["run", join(dir, "poll.yaml"), "--region", "us", "--verbose", "--reporter", "console,json", "--out", out];
    // --verbose shows each poll as it goes: interrupt once a few have been sent
    const { code, stdout, stderr } = await interruptWhen(args, { cwd: ROOT, env: { CI: "true" } }, "stdout", (text) => (text.match(/^> GET /gm) ?? []).length >= 3);
    expect(code).toBe(3);
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
    const args = [command, "suites", "--collections", "collections", "--schemas", "schemas"];
    const ready = (text: string) => text.includes(`debug: parsing ${SUITES} suite file(s)`);
    const { code, stdout, stderr, msAfterSignal } = await interruptWhen(args, { cwd: dir, env: { DEBUG: "1" } }, "stderr", ready);
    expect(code).toBe(3);
    // parsing 2000 suites takes seconds; a loop that cannot see the signal would print the result first
    expect(msAfterSignal).toBeLessThan(2_000);
    expect(stdout).toBe("");
    expect(stderr).toContain(`error[CC_INTERRUPTED]: SIGINT: the ${command} was stopped before it finished`);
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
