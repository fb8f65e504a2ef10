import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FindingClass, GateRules, SuiteRecord } from "../model";
import { FINDING_CLASSES } from "./findings";
import { gateFiles } from "./gate-files";
import { DEFAULT_GATE_RULES } from "./rules";
import { suiteRecord, tempDir, writeResults, type StepSpec } from "./testing/records";

const SEND: StepSpec = { name: "send", operationId: "Messages/Send message", shape: { $: "object", "$.message_id": "string" } };
const GET: StepSpec = { name: "get", operationId: "Messages/Get message", shape: { $: "object", "$.id": "string" } };
const three = (ms: number) => [ms, ms, ms].map((durationMs) => ({ status: 200, durationMs }));

/** A small baseline: one suite in us, one in eu. */
function base(send: Partial<StepSpec> = {}): SuiteRecord[] {
  return [suiteRecord("messages", "us", [{ ...SEND, ...send }, GET]), suiteRecord("contacts", "eu", [{ name: "create", operationId: "Contacts/Create contact" }])];
}

/** For every class of finding, a baseline and a candidate that differ by exactly that. */
const SCENARIOS: Record<FindingClass, () => { baseline: SuiteRecord[]; candidate: SuiteRecord[] }> = {
  "step-now-fails": () => ({ baseline: base(), candidate: base({ failures: [{ kind: "body", path: "$.message_id", message: "no id" }] }) }),
  "status-changed": () => ({ baseline: base(), candidate: base({ status: 202 }) }),
  "field-gone": () => ({ baseline: base(), candidate: base({ shape: { $: "object" } }) }),
  "type-changed": () => ({ baseline: base(), candidate: base({ shape: { $: "object", "$.message_id": "number" } }) }),
  "new-violation": () => {
    const schema = (paths: string[]) => ({ failures: [{ kind: "schema" as const, schema: "s", message: "bad", violations: paths.map((p) => ({ instancePath: p, keyword: "required", schemaPath: "#", message: "missing" })) }] });
    return { baseline: base(schema(["/a"])), candidate: base(schema(["/a", "/b"])) };
  },
  "operation-missing": () => ({ baseline: base(), candidate: base({ operationId: "Messages/Send message v2" }) }),
  "region-missing": () => ({ baseline: base(), candidate: base().slice(0, 1) }),
  "suite-missing": () => ({ baseline: [...base(), suiteRecord("apps", "us", [{ name: "list", operationId: "Messages/Get message" }])], candidate: base() }),
  "step-missing": () => ({ baseline: base(), candidate: [suiteRecord("messages", "us", [GET]), base()[1]!] }),
  slower: () => ({ baseline: base({ attempts: three(100) }), candidate: base({ attempts: three(400) }) }),
  "field-added": () => ({ baseline: base(), candidate: base({ shape: { $: "object", "$.message_id": "string", "$.channel": "string" } }) }),
  "new-drift": () => ({ baseline: base(), candidate: base({ drift: [{ instancePath: "/channel", schema: "s" }] }) }),
  "step-added": () => ({ baseline: base(), candidate: [suiteRecord("messages", "us", [SEND, GET, { name: "list" }]), base()[1]!] }),
  "suite-added": () => ({ baseline: base(), candidate: [...base(), suiteRecord("apps", "us", [{ name: "list" }])] }),
  "region-added": () => ({ baseline: base(), candidate: [...base(), suiteRecord("contacts", "br", [{ name: "create", operationId: "Contacts/Create contact" }])] }),
  "step-now-passes": () => ({ baseline: base({ outcome: "error", error: { code: "CC_TIMEOUT", message: "slow" } }), candidate: base() }),
};

interface GateCase {
  baseline: SuiteRecord[];
  candidate: SuiteRecord[];
  rules?: Partial<GateRules>;
  accept?: string;
}

async function gate(c: GateCase) {
  const dir = tempDir();
  const baseline = await writeResults(join(dir, "baseline.json"), c.baseline);
  const candidate = await writeResults(join(dir, "candidate.json"), c.candidate);
  let acceptFile: string | undefined;
  if (c.accept !== undefined) writeFileSync((acceptFile = join(dir, "accept.yaml")), c.accept);
  return gateFiles({ baseline, candidate, acceptFile, rules: c.rules, now: new Date("2026-02-15T12:00:00Z") });
}

describe("gate rules: every class of finding", () => {
  it("has a scenario for every class", () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(FINDING_CLASSES).sort());
  });

  it.each(Object.keys(SCENARIOS) as FindingClass[])("%s: is found, and fails the gate exactly when it is a regression", async (cls) => {
    const scenario = SCENARIOS[cls]();
    const report = await gate(scenario);
    expect(report.findings.map((f) => f.class)).toContain(cls);
    const regression = FINDING_CLASSES[cls].severity === "regression";
    expect(report.verdict.passed).toBe(!regression);
    if (FINDING_CLASSES[cls].severity === "change") {
      const strict = await gate({ ...scenario, rules: { failOn: "change" } });
      expect(strict.verdict).toMatchObject({ passed: false, reasons: [expect.stringContaining("--fail-on change")] });
    }
  });

  it("passes two equal runs", async () => {
    const report = await gate({ baseline: base(), candidate: base() });
    expect(report.findings).toEqual([]);
    expect(report.verdict).toEqual({ passed: true, overridden: false, reasons: [], summary: "gate passed: 0 regressions, 0 changes, 0 improvements" });
  });
});

describe("gate rules: accept file", () => {
  const statusScenario = SCENARIOS["status-changed"];
  const acceptStatus = (until: string) => `accept:\n  - suite: messages\n    step: send\n    reason: 202 is the new normal\n    until: ${until}\n  - fingerprint: 000000000000\n    reason: old\n    until: 2030-01-01\n`;

  it("an accepted regression does not fail the gate; an unused entry is stale", async () => {
    const report = await gate({ ...statusScenario(), accept: acceptStatus("2026-03-01") });
    expect(report.verdict.passed).toBe(true);
    expect(report.counts).toMatchObject({ regressions: 1, accepted: 1, expired: 0, stale: 1, failing: 0 });
    expect(report.stale[0]).toMatchObject({ fingerprint: "000000000000", line: 6 });
  });

  it("an expired acceptance fails the gate again and says it expired", async () => {
    const report = await gate({ ...statusScenario(), accept: acceptStatus("2026-02-01") });
    expect(report.verdict.passed).toBe(false);
    expect(report.verdict.summary).toBe("gate FAILED: 1 regression; 1 acceptance expired");
    expect(report.findings[0]!.acceptance).toMatchObject({ status: "expired", until: "2026-02-01" });
  });

  it("a missing region fails even when an entry names it", async () => {
    const accept = "accept:\n  - region: eu\n    reason: eu is off\n    until: 2030-01-01\n";
    const report = await gate({ ...SCENARIOS["region-missing"](), accept });
    expect(report.verdict).toMatchObject({ passed: false, summary: "gate FAILED: 1 regression; baseline region eu did not run" });
    expect(report.stale).toHaveLength(1);
  });

  it("an invalid accept file stops the gate with its diagnostics", async () => {
    await expect(gate({ ...statusScenario(), accept: "accept:\n  - reason: r\n    until: 2026-01-01\n" })).rejects.toMatchObject({ diagnostics: [{ code: "CC_BAD_ACCEPT", line: 2 }] });
  });
});

describe("gate rules: min-steps and warn-only", () => {
  it("fails when fewer steps ran than --min-steps (skipped steps do not count)", async () => {
    const skipped = base({ outcome: "skipped", skipReason: "filtered", status: undefined, attempts: [] });
    const baseline = base({ outcome: "skipped", skipReason: "filtered", status: undefined, attempts: [] });
    const report = await gate({ baseline, candidate: skipped, rules: { minSteps: 3 } });
    expect(report.findings).toEqual([]);
    expect(report.verdict).toMatchObject({ passed: false, reasons: ["only 2 steps ran, fewer than --min-steps 3"] });
    expect((await gate({ baseline: base(), candidate: base(), rules: { minSteps: 3 } })).verdict.passed).toBe(true);
  });

  it("warn-only reports everything and passes, saying what would have failed", async () => {
    const report = await gate({ ...SCENARIOS["field-gone"](), rules: { warnOnly: true, minSteps: 10 } });
    expect(report.findings.map((f) => f.class)).toEqual(["field-gone"]);
    expect(report.verdict).toEqual({
      passed: true,
      overridden: true,
      reasons: ["1 regression", "only 3 steps ran, fewer than --min-steps 10"],
      summary: "gate passed (warn-only), would have failed: 1 regression; only 3 steps ran, fewer than --min-steps 10",
    });
    expect(report.rules).toEqual({ ...DEFAULT_GATE_RULES, warnOnly: true, minSteps: 10 });
  });
});
