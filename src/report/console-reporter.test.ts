import type { Plan, PlannedSuite, Step } from "../model";
import { createRedactor } from "../diagnostics";
import { createConsoleReporter } from "./console-reporter";
import { sampleMixedRun, sampleRun, sampleStep, sampleSuite } from "./testing/sample-result";

const SECRET = "s3cr3t-client-value";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

function item(): PlannedSuite {
  return { key: "contacts@us", region: "us", needs: [], suite: { name: "Contacts lifecycle" } as PlannedSuite["suite"] };
}

function replay(tty: boolean) {
  let out = "";
  const reporter = createConsoleReporter({ write: (t) => (out += t), tty, color: false, redactor: createRedactor([SECRET, TOKEN]), redrawMs: 1 });
  const run = sampleMixedRun(SECRET, TOKEN);
  const plan: Plan = { items: [item()], regions: ["us"] };
  reporter.onRunStart?.(plan);
  reporter.onStepStart?.(item(), { name: "get contact" } as Step);
  for (const s of run.suites[0]!.steps) reporter.onStepResult?.(item(), s);
  reporter.onSuiteEnd?.(item(), run.suites[0]!);
  reporter.onRunEnd?.(run);
  return out;
}

describe("console reporter", () => {
  it("prints one line per finished suite and failures in detail when not a TTY", () => {
    const out = replay(false);
    expect(out).not.toContain("\x1b[");
    expect(out).toContain("✗ Contacts lifecycle [us] suites/contacts.yaml 2 of 5 steps failed 1.23s (1/1)");
    expect(out).toContain("✗ suites/contacts.yaml:30 Contacts lifecycle [us] › get contact");
    expect(out).toContain("/display_name: type: must be string, actual: 42");
  });

  it("says a suite was interrupted, and after how many steps, instead of counting failed steps", () => {
    let out = "";
    const reporter = createConsoleReporter({ write: (t) => (out += t), tty: false, color: false });
    const cut = sampleStep({ name: "poll", outcome: "error", error: { code: "CC_INTERRUPTED", message: "the run was interrupted while waiting" } });
    const skipped = sampleStep({ name: "read", outcome: "skipped", skipReason: "the run was interrupted" });
    const suite = { ...sampleSuite([sampleStep(), cut, skipped, sampleStep({ name: "delete", phase: "teardown" })]), interrupted: true as const };
    reporter.onRunStart?.({ items: [item()], regions: ["us"] });
    reporter.onSuiteEnd?.(item(), suite);
    expect(out).toContain(`✗ ${suite.name} [us] ${suite.file} interrupted after 2 of 4 steps `);
    expect(out).not.toContain("steps failed");
  });

  it("closes with failing steps as file:line, drift, flaky steps, totals and duration", () => {
    const out = replay(false);
    expect(out).toContain("Failures (2):");
    expect(out).toContain("1) suites/contacts.yaml:30 Contacts lifecycle [us] › get contact");
    expect(out).toContain("2) suites/contacts.yaml:40 Contacts lifecycle [us] › list contacts");
    expect(out).toContain("error CC_NETWORK_ERROR: connect ECONNREFUSED 127.0.0.1:9");
    expect(out).toContain("suites/contacts.yaml:30 Contacts lifecycle [us] › get contact: /extra_field not in contact");
    expect(out).toContain("suites/contacts.yaml:20 Contacts lifecycle [us] › update contact: 2 attempts (503)");
    expect(out).toContain("Steps:   2 passed, 1 failed, 1 errors, 1 skipped, 1 flaky, 1 drift (5)");
    expect(out).toContain("Time:    2.00s");
  });

  it("never prints a secret or token", () => {
    const out = replay(false) + replay(true);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(TOKEN);
  });

  it("redraws a progress line in place on a TTY", async () => {
    let out = "";
    const reporter = createConsoleReporter({ write: (t) => (out += t), tty: true, color: true, redrawMs: 1 });
    reporter.onRunStart?.({ items: [item()], regions: ["us"] });
    reporter.onStepStart?.(item(), { name: "create contact" } as Step);
    for (let i = 0; i < 100 && !out.includes("\r\x1b[2K["); i++) await new Promise((r) => setTimeout(r, 10));
    expect(out).toContain("\r\x1b[2K[0/1 suites]");
    expect(out).toContain("Contacts lifecycle [us] › create contact");
    reporter.close();
  });

  it("cuts the progress line to the terminal width", async () => {
    let out = "";
    const reporter = createConsoleReporter({ write: (t) => (out += t), tty: true, color: false, redrawMs: 1, columns: 30 });
    reporter.onRunStart?.({ items: [item()], regions: ["us"] });
    reporter.onStepStart?.(item(), { name: "a very long step name that would wrap" } as Step);
    for (let i = 0; i < 100 && !out.includes("…"); i++) await new Promise((r) => setTimeout(r, 10));
    const line = out.split("\r\x1b[2K").pop() ?? "";
    expect(line).toBe("[0/1 suites] 0 passed · Cont…");
    reporter.close();
  });

  it("says when everything passed", () => {
    let out = "";
    const reporter = createConsoleReporter({ write: (t) => (out += t), tty: false, color: false });
    reporter.onRunEnd?.(sampleRun([sampleSuite([sampleStep()])]));
    expect(out).not.toContain("Failures");
    expect(out).toContain("Suites:  1 passed (1)");
  });
});
