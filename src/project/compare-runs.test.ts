import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolveConfig, type Config } from "../config";
import { findingFingerprint } from "../diagnostics";
import { suiteRecord, tempDir, writeResults, type StepSpec } from "../gate/testing/records";
import { compareProject, type GateOutcome } from "./compare-runs";

const SECRET = "s3cr3t-client-value";
const ENV = { SINCH_CLIENT_ID: "client-id-1", SINCH_CLIENT_SECRET: SECRET };
const NOW = new Date("2026-03-01T12:00:00Z");
const timed = (ms: number) => [ms, ms, ms].map((durationMs) => ({ status: 200, durationMs }));

/** The baseline: two steps of contacts in us, the send step timed. */
function baselineSuites(edit: (s: StepSpec) => StepSpec = (s) => s) {
  return [
    suiteRecord("contacts", "us", [
      { name: "create contact", line: 12, operationId: "Contacts/Create contact", shape: { $: "object", "$.id": "string", "$.email": "string" } },
      { name: "send text", line: 30, operationId: "Messages/Send message", attempts: timed(100) },
    ].map(edit)),
  ];
}

interface Compared extends GateOutcome {
  cwd: string;
  printed: string;
}

/** Writes both runs into a fresh cwd and runs `compare baseline.json candidate.json ...flags` there. */
async function compare(candidate: ReturnType<typeof baselineSuites>, flags: string[] = [], opts: { env?: Record<string, string>; files?: Record<string, string> } = {}): Promise<Compared> {
  const cwd = tempDir("cc-compare-");
  await writeResults(join(cwd, "baseline.json"), baselineSuites(), { header: { apiVersion: "v1beta" } });
  await writeResults(join(cwd, "candidate.json"), candidate);
  for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(join(cwd, name), text);
  const env = { ...ENV, ...opts.env };
  const config = resolved(["compare", "baseline.json", "candidate.json", "--out", "gate", ...flags], cwd, env);
  let printed = "";
  const outcome = await compareProject({ config, env, console: { write: (t) => (printed += t), tty: false, color: false }, now: NOW });
  return { ...outcome, cwd, printed };
}

function resolved(argv: string[], cwd: string, env: Record<string, string> = {}): Config {
  const { config, diagnostics } = resolveConfig({ argv, env, cwd });
  if (!config) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return config;
}

const gone = (s: StepSpec): StepSpec => (s.name === "create contact" ? { ...s, line: 14, shape: { $: "object", "$.id": "string" } } : s);
const added = (s: StepSpec): StepSpec => (s.name === "create contact" ? { ...s, shape: { ...s.shape, "$.nickname": "string" } } : s);

describe("compare BASELINE CANDIDATE", () => {
  it("fails on a regression and writes gate.json, gate.md and gate.xml, the console grouped with file:line", async () => {
    const r = await compare(baselineSuites(gone));
    expect(r.status).toBe("failed");
    expect(r.written).toEqual([join("gate", "gate.json"), join("gate", "gate.md"), join("gate", "gate.xml")]);
    const doc = JSON.parse(readFileSync(join(r.cwd, "gate", "gate.json"), "utf8"));
    expect(doc.findings).toEqual([expect.objectContaining({
      class: "field-gone", stepKey: "contacts@us/steps/create contact", path: "$.email",
      fingerprint: findingFingerprint("field-gone", "contacts@us/steps/create contact", "$.email"),
    })]);
    expect(r.printed).toMatch(/^baseline: {2}baseline\.json \(v1beta on emulator/);
    expect(r.printed).toContain("Regressions (1)\n  ✗ field-gone  contacts@us › create contact $.email\n");
    expect(r.printed).toContain("suites/contacts.yaml:14  fingerprint ");
    expect(r.printed).toMatch(/gate FAILED: 1 regression\nGate reports: gate\/gate\.json, gate\/gate\.md, gate\/gate\.xml\n$/);
    expect(readFileSync(join(r.cwd, "gate", "gate.xml"), "utf8")).toContain("<failure");
  });

  it("passes on a change, and fails on it with --fail-on change", async () => {
    expect((await compare(baselineSuites(added))).status).toBe("passed");
    const strict = await compare(baselineSuites(added), ["--fail-on", "change"]);
    expect(strict.status).toBe("failed");
    expect(strict.report?.verdict.summary).toBe("gate FAILED: 1 change (--fail-on change)");
  });

  it("passes a regression with --gate-warn-only or CC_GATE_WARN_ONLY=1, and says what would have failed", async () => {
    for (const r of [await compare(baselineSuites(gone), ["--gate-warn-only"]), await compare(baselineSuites(gone), [], { env: { CC_GATE_WARN_ONLY: "1" } })]) {
      expect(r.status).toBe("passed");
      expect(r.printed).toContain("gate passed (warn-only), would have failed: 1 regression");
      expect(readFileSync(join(r.cwd, "gate", "gate.md"), "utf8")).toMatch(/^## ⚠️ Regression gate: passed \(warn-only\)/);
    }
  });

  it("fails when fewer steps than --min-steps ran", async () => {
    const r = await compare(baselineSuites(), ["--min-steps", "3"]);
    expect(r.status).toBe("failed");
    expect(r.report?.verdict.reasons).toEqual(["only 2 steps ran, fewer than --min-steps 3"]);
    expect((await compare(baselineSuites(), ["--min-steps", "2"])).status).toBe("passed");
  });

  it("takes --latency-ratio and --latency-floor-ms", async () => {
    const slower = baselineSuites((s) => (s.name === "send text" ? { ...s, attempts: timed(140) } : s));
    expect((await compare(slower)).status).toBe("passed");
    const r = await compare(slower, ["--latency-ratio", "1.3", "--latency-floor-ms", "30"]);
    expect(r.report?.findings.map((f) => [f.class, f.operationId])).toEqual([["slower", "Messages/Send message"]]);
  });

  it("reads conversation-contract.accept.yaml in the cwd by default, and --accept FILE when given", async () => {
    const fp = findingFingerprint("field-gone", "contacts@us/steps/create contact", "$.email");
    const accept = `accept:\n  - fingerprint: ${fp}\n    reason: email moves to identities\n    until: 2026-06-30\n`;
    const byDefault = await compare(baselineSuites(gone), [], { files: { "conversation-contract.accept.yaml": accept } });
    expect(byDefault.status).toBe("passed");
    expect(byDefault.report?.counts).toMatchObject({ accepted: 1, failing: 0 });
    const named = await compare(baselineSuites(gone), ["--accept", "other.yaml"], { files: { "other.yaml": accept.replace("2026-06-30", "2026-02-01") } });
    expect(named.status).toBe("failed");
    expect(named.printed).toContain("acceptance expired 2026-02-01: email moves to identities (other.yaml:2)");
  });

  it("exits invalid on an accept file with a mistake, naming its position, before comparing", async () => {
    const r = await compare(baselineSuites(gone), ["--accept", "bad.yaml"], { files: { "bad.yaml": "accept:\n  - fingerprint: 123\n    reasn: x\n    until: 2026-06-30\n" } });
    expect(r.status).toBe("invalid");
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["CC_BAD_ACCEPT", 3, 5]]);
    expect(existsSync(join(r.cwd, "gate"))).toBe(false);
  });

  it("exits invalid on a file that is not a results file or of format version 1, with the file's first line as the only source", async () => {
    const v1 = '{"formatVersion":1,"tool":{"name":"conversation-contract"},"suites":[]}\n';
    const notResults = await compare(baselineSuites(), [], { files: { "candidate.json": '{"hello":"world"}\n' } });
    expect(notResults.status).toBe("invalid");
    expect(notResults.diagnostics).toEqual([expect.objectContaining({
      code: "CC_NOT_RESULTS", file: "candidate.json", line: 1, message: expect.stringMatching(/^candidate\.json is not a results file/),
    })]);
    expect([...notResults.sources!]).toEqual([["candidate.json", '{"hello":"world"}']]);
    const old = await compare(baselineSuites(), [], { files: { "baseline.json": v1 } });
    expect(old.diagnostics).toEqual([expect.objectContaining({ code: "CC_RESULTS_VERSION", hint: "re-run with this version to record a baseline" })]);
  });

  it("exits invalid without exactly two files", async () => {
    const cwd = tempDir("cc-compare-");
    const outcome = await compareProject({ config: resolved(["compare", "only.json"], cwd), env: {} });
    expect(outcome).toMatchObject({ status: "invalid", diagnostics: [{ code: "CC_BAD_OPTION", message: "compare takes two results files, BASELINE and CANDIDATE (given: only.json)" }] });
  });

  it("appends gate.md to $GITHUB_STEP_SUMMARY, and no output shows a secret of the environment", async () => {
    const summaryDir = tempDir("cc-summary-");
    const summary = join(summaryDir, "summary.md");
    writeFileSync(summary, "# earlier step\n");
    // a step named after a secret (as if a results file was written by a tool that redacts nothing): new, and the old one missing
    const leaky = baselineSuites((s) => (s.name === "create contact" ? { ...s, name: `create contact ${SECRET}` } : s));
    const r = await compare(leaky, [], { env: { GITHUB_STEP_SUMMARY: summary } });
    const appended = readFileSync(summary, "utf8");
    expect(appended.startsWith("# earlier step\n## ❌ Regression gate: failed")).toBe(true);
    const outputs = ["gate.json", "gate.md", "gate.xml"].map((f) => readFileSync(join(r.cwd, "gate", f), "utf8"));
    for (const text of [...outputs, appended, r.printed]) {
      expect(text).toContain("create contact [REDACTED]");
      expect(text).not.toContain(SECRET);
    }
  });
});
