import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
