import type { GateFinding, GateResult, SuiteRecord } from "../model";
import { findingFingerprint } from "../diagnostics";
import { shapeOf, shapeOfSamples } from "../execute/response-shape";
import { compareWritten } from "./testing/compare-files";
import { suiteRecord, type StepSpec } from "./testing/records";

const contact = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  display_name: "QA 17",
  channel_identities: [{ channel: "SMS", identity: "+46700000001", app_id: "" }],
  language: "EN_US",
  ...extra,
});

const CREATE: StepSpec = { name: "create contact", request: "Contacts/Create contact", operationId: "Contacts/Create contact", method: "POST", shape: shapeOf(contact("01A")) };
const LIST: StepSpec = {
  name: "list contacts",
  request: "Contacts/List contacts",
  operationId: "Contacts/List contacts",
  shape: shapeOf({ contacts: [contact("01A", { email: "a@x.test" }), contact("01B")], next_page_token: "" }),
};
const SEND: StepSpec = { name: "send text", request: "Messages/Send message", operationId: "Messages/Send message", method: "POST", shape: shapeOf({ message_id: "01M", accepted_time: "2026-01-02T03:04:05Z" }) };
const DELIVERED: StepSpec = { name: "delivery report arrives", request: "callback MESSAGE_DELIVERY", operationId: null, status: undefined, attempts: [], shape: shapeOf({ message_delivery_report: { message_id: "01M", status: "DELIVERED" } }) };
const DELETE: StepSpec = { name: "delete contact", phase: "teardown", request: "Contacts/Delete contact", operationId: "Contacts/Delete contact", shape: shapeOf({}) };

/** The main job's shape: contacts in two regions, messages in one. `edit` changes one step spec by name. */
function run(edit: (spec: StepSpec, suite: string, region: string) => StepSpec | undefined = (s) => s): SuiteRecord[] {
  const make = (suite: string, region: string, specs: StepSpec[]) =>
    suiteRecord(suite, region, specs.map((s) => edit({ ...s }, suite, region)).filter((s): s is StepSpec => s !== undefined));
  return [
    make("contacts", "us", [CREATE, LIST, DELETE]),
    make("contacts", "eu", [CREATE, LIST, DELETE]),
    make("messages", "us", [SEND, DELIVERED]),
  ];
}

const summary = (f: GateFinding) => [f.class, f.stepKey ?? f.suiteKey ?? f.operationId ?? f.region, f.path ?? ""].join(" ");
const classes = (r: GateResult) => r.findings.map(summary);

describe("compareRuns: no false positives", () => {
  it("finds nothing between two runs that differ only in ids, times, line numbers, messages and suite order", async () => {
    const baseline = run();
    const candidate = run((s) => ({
      ...s,
      line: 99,
      durationMs: 41,
      attempts: (s.attempts ?? [{ status: 200, durationMs: 40 }]).map((a) => ({ ...a, durationMs: a.durationMs + 3 })),
      shape: s.shape && s.name === "list contacts" ? shapeOf({ contacts: [contact("01Z"), contact("01Y", { email: "b@x.test" })], next_page_token: "tok" }) : s.shape,
    })).reverse();
    for (const suite of candidate) suite.startedAt = "2026-02-03T04:05:06.000Z";
    const result = await compareWritten({ baseline, candidate, candidateFile: { header: { startedAt: "2026-02-03T04:05:00.000Z", planFingerprint: "ffffffffffff" } } });
    expect(result.findings).toEqual([]);
    expect(result.compared.map((s) => s.key).sort()).toEqual(["contacts@eu", "contacts@us", "messages@us"]);
    expect(result.compared.flatMap((s) => s.steps).length).toBe(8);
  });

  it("finds nothing when a step fails the same way in both runs (with different ids in the message)", async () => {
    const failing = (id: string) => (s: StepSpec) =>
      s.name === "create contact" ? { ...s, failures: [{ kind: "body" as const, path: "$.display_name", message: `expected QA, got contact ${id}` }] } : s;
    const result = await compareWritten({ baseline: run(failing("01A")), candidate: run(failing("01B")) });
    expect(result.findings).toEqual([]);
  });
});

describe("compareRuns: regressions", () => {
  it("finds a step that passed and now fails or errors, with the candidate's position", async () => {
    const candidate = run((s, suite, region) => {
      if (s.name === "create contact" && region === "us") return { ...s, line: 31, failures: [{ kind: "status", message: "expected 200, got 500" }] };
      if (s.name === "send text") return { ...s, outcome: "error", error: { code: "CC_TIMEOUT", message: "no answer in 30s" } };
      return s;
    });
    const result = await compareWritten({ baseline: run(), candidate });
    expect(classes(result)).toEqual(["step-now-fails contacts@us/steps/create contact ", "step-now-fails messages@us/steps/send text "]);
    expect(result.findings[0]).toMatchObject({ severity: "regression", kind: "step", baseline: "passed", candidate: "failed", file: "suites/contacts.yaml", line: 31, region: "us" });
    expect(result.findings[1]!.message).toContain("CC_TIMEOUT");
  });

  it("finds a changed status code", async () => {
    const result = await compareWritten({ baseline: run(), candidate: run((s) => (s.name === "create contact" ? { ...s, status: 201 } : s)) });
    expect(classes(result)).toEqual(["status-changed contacts@eu/steps/create contact ", "status-changed contacts@us/steps/create contact "]);
    expect(result.findings[0]).toMatchObject({ baseline: "200", candidate: "201" });
  });

  it("reports another status alone, not the fields of the other body that came with it", async () => {
    const notFound = run((s) => (s.name === "send text" ? { ...s, status: 404, shape: shapeOf({ error: { code: 404, message: "gone" } }) } : s));
    expect(classes(await compareWritten({ baseline: run(), candidate: notFound }))).toEqual(["status-changed messages@us/steps/send text "]);
  });

  it("finds a field gone from a response and from a callback, reported at the parent's level only", async () => {
    const candidate = run((s) => {
      if (s.name === "create contact") return { ...s, shape: shapeOf({ ...contact("01A"), channel_identities: undefined }) };
      if (s.name === "delivery report arrives") return { ...s, shape: shapeOf({ message_delivery_report: { message_id: "01M" } }) };
      return s;
    });
    const result = await compareWritten({ baseline: run(), candidate });
    expect(classes(result)).toEqual([
      "field-gone contacts@eu/steps/create contact $.channel_identities",
      "field-gone contacts@us/steps/create contact $.channel_identities",
      "field-gone messages@us/steps/delivery report arrives $.message_delivery_report.status",
    ]);
    expect(result.findings[2]!.message).toBe("$.message_delivery_report.status (string) is gone from the callback");
  });

  it("does not call a field gone when its parent is absent, its array is empty, or the baseline saw it only sometimes", async () => {
    const candidate = run((s) => {
      // contacts[] empty: says nothing about contact fields; email was optional in the baseline ("string?")
      if (s.name === "list contacts") return { ...s, shape: shapeOf({ contacts: [], next_page_token: "" }) };
      return s;
    });
    const emptyResult = await compareWritten({ baseline: run(), candidate });
    expect(emptyResult.findings).toEqual([]);
    const withoutEmail = run((s) => (s.name === "list contacts" ? { ...s, shape: shapeOf({ contacts: [contact("01C")], next_page_token: "" }) } : s));
    expect((await compareWritten({ baseline: run(), candidate: withoutEmail })).findings).toEqual([]);
  });

  it("finds a field gone inside array elements when the elements are there", async () => {
    const candidate = run((s) =>
      s.name === "list contacts" ? { ...s, shape: shapeOf({ contacts: [{ ...contact("01C"), language: undefined }], next_page_token: "" }) } : s,
    );
    const result = await compareWritten({ baseline: run(), candidate });
    expect(classes(result)).toEqual(["field-gone contacts@eu/steps/list contacts $.contacts[].language", "field-gone contacts@us/steps/list contacts $.contacts[].language"]);
  });

  it("finds a type change only when the candidate has a type the baseline never saw", async () => {
    const numberId = run((s) => (s.name === "send text" ? { ...s, shape: shapeOf({ message_id: 17, accepted_time: "t" }) } : s));
    const result = await compareWritten({ baseline: run(), candidate: numberId });
    expect(classes(result)).toEqual(["type-changed messages@us/steps/send text $.message_id"]);
    expect(result.findings[0]).toMatchObject({ baseline: "string", candidate: "number", message: "$.message_id was string in the baseline, now number" });

    const nullable = run((s) => (s.name === "send text" ? { ...s, shape: shapeOfSamples([{ message_id: null, accepted_time: "t" }, { message_id: "01M", accepted_time: "t" }]) } : s));
    const narrowed = await compareWritten({ baseline: nullable, candidate: run() });
    expect(narrowed.findings).toEqual([]);
  });

  it("finds each new schema violation, and not one the baseline had already", async () => {
    const violation = (instancePath: string, keyword = "type") => ({ instancePath, keyword, schemaPath: `#${instancePath}/${keyword}`, message: "must be string" });
    const withViolations = (paths: string[]) => (s: StepSpec) =>
      s.name === "send text" ? { ...s, failures: [{ kind: "schema" as const, schema: "send-message-response", message: "response does not match", violations: paths.map((p) => violation(p)) }] } : s;
    // the same rule broken twice at one path (two branches of an anyOf) is one finding
    const result = await compareWritten({ baseline: run(withViolations(["/message_id"])), candidate: run(withViolations(["/message_id", "/accepted_time", "/accepted_time"])) });
    expect(classes(result)).toEqual(["new-violation messages@us/steps/send text /accepted_time"]);
    expect(result.findings[0]!.message).toBe("new schema violation at /accepted_time (send-message-response): type: must be string");
  });

  it("finds an operation the candidate no longer exercises", async () => {
    const candidate = run((s) => (s.name === "delete contact" ? { ...s, request: "Contacts/Delete contact v2", operationId: "Contacts/Remove contact" } : s));
    const result = await compareWritten({ baseline: run(), candidate });
    expect(classes(result)).toContain("operation-missing Contacts/Delete contact ");
    expect(result.findings.find((f) => f.class === "operation-missing")).toMatchObject({ kind: "operation", severity: "regression" });
  });

  it("finds a region, a suite and a step that did not run, each at its own level only", async () => {
    const noEu = run().filter((s) => s.region !== "eu");
    expect(classes(await compareWritten({ baseline: run(), candidate: noEu }))).toEqual(["region-missing eu "]);

    const noMessages = run().filter((s) => s.suiteId !== "messages");
    const suiteGone = await compareWritten({ baseline: run(), candidate: noMessages });
    expect(classes(suiteGone)).toEqual(["suite-missing messages@us "]);

    const noList = run((s, _suite, region) => (s.name === "list contacts" && region === "eu" ? undefined : s));
    const stepGone = await compareWritten({ baseline: run(), candidate: noList });
    expect(classes(stepGone)).toEqual(["step-missing contacts@eu/steps/list contacts "]);
    expect(stepGone.findings[0]).toMatchObject({ file: "suites/contacts.yaml", line: 10, baseline: "passed" });
    expect(stepGone.compared.find((s) => s.key === "contacts@eu")!.steps).toEqual(["contacts@eu/steps/create contact", "contacts@eu/teardown/delete contact", "contacts@eu/steps/list contacts"]);
  });

  it("takes a suite across regions (the emulator's cleanup check) for no region, and still misses it when it did not run", async () => {
    const cleanup = suiteRecord("cleanup", "us,eu", [{ name: "nothing left behind", operationId: null }], { key: "cleanup@all" });
    expect((await compareWritten({ baseline: [...run(), cleanup], candidate: [...run(), cleanup] })).findings).toEqual([]);
    const onlyUs = run().filter((s) => s.region !== "eu");
    const gone = await compareWritten({ baseline: [...run(), cleanup], candidate: onlyUs });
    expect(classes(gone)).toEqual(["region-missing eu ", "suite-missing cleanup@all "]);
  });

  it("counts a step that ran in the baseline and is skipped now as missing", async () => {
    const skipped = run((s, _suite, region) => (s.name === "delete contact" && region === "us" ? { ...s, outcome: "skipped", skipReason: "CONTACT was never captured", status: undefined, attempts: [] } : s));
    const result = await compareWritten({ baseline: run(), candidate: skipped });
    expect(classes(result)).toEqual(["step-missing contacts@us/teardown/delete contact "]);
    expect(result.findings[0]!.message).toBe("ran in the baseline, skipped now (CONTACT was never captured)");
  });
});

describe("compareRuns: latency", () => {
  const timed = (ms: number[]) => (s: StepSpec) => (s.name === "send text" ? { ...s, attempts: ms.map((durationMs) => ({ status: 200, durationMs })) } : s);

  it("finds an operation whose median grew past both 1.5x and +50 ms, over every attempt in the run", async () => {
    const result = await compareWritten({ baseline: run(timed([100, 110, 120])), candidate: run(timed([150, 200, 300])) });
    expect(classes(result)).toEqual(["slower Messages/Send message "]);
    expect(result.findings[0]).toMatchObject({ baseline: "110ms", candidate: "200ms", kind: "operation" });
  });

  it("gives no verdict when only the ratio or only the floor is passed, or on fewer than 3 samples", async () => {
    const ratioOnly = await compareWritten({ baseline: run(timed([10, 10, 10])), candidate: run(timed([40, 40, 40])) });
    expect(ratioOnly.findings).toEqual([]);
    const floorOnly = await compareWritten({ baseline: run(timed([200, 200, 200])), candidate: run(timed([260, 260, 260])) });
    expect(floorOnly.findings).toEqual([]);
    const fewSamples = await compareWritten({ baseline: run(timed([100, 100])), candidate: run(timed([900, 900, 900])) });
    expect(fewSamples.findings).toEqual([]);
  });

  it("takes the ratio and floor from the options", async () => {
    const result = await compareWritten({ baseline: run(timed([10, 10, 10])), candidate: run(timed([40, 40, 40])) }, { latency: { ratio: 2, floorMs: 20 } });
    expect(classes(result)).toEqual(["slower Messages/Send message "]);
  });
});

describe("compareRuns: changes and improvements", () => {
  it("finds a new field and new drift as changes", async () => {
    const candidate = run((s) =>
      s.name === "send text"
        ? { ...s, shape: shapeOf({ message_id: "01M", accepted_time: "t", channel: "SMS" }), drift: [{ instancePath: "/channel", schema: "send-message-response" }] }
        : s,
    );
    const result = await compareWritten({ baseline: run(), candidate });
    expect(classes(result)).toEqual(["field-added messages@us/steps/send text $.channel", "new-drift messages@us/steps/send text /channel"]);
    expect(result.findings.every((f) => f.severity === "change")).toBe(true);
  });

  it("finds a new step, suite and region, each at its own level", async () => {
    const candidate = [
      ...run(),
      suiteRecord("templates", "us", [{ name: "list templates" }]),
      suiteRecord("contacts", "br", [{ name: "create contact" }]),
    ];
    candidate[0]!.steps.push(suiteRecord("contacts", "us", [{ name: "get contact" }]).steps[0]!);
    const result = await compareWritten({ baseline: run(), candidate });
    expect(classes(result)).toEqual(["region-added br ", "suite-added templates@us ", "step-added contacts@us/steps/get contact "]);
  });

  it("finds a step that failed and now passes as an improvement", async () => {
    const failing = run((s) => (s.name === "list contacts" ? { ...s, outcome: "error", error: { code: "CC_NETWORK_ERROR", message: "reset" } } : s));
    const result = await compareWritten({ baseline: failing, candidate: run() });
    expect(classes(result)).toEqual(["step-now-passes contacts@eu/steps/list contacts ", "step-now-passes contacts@us/steps/list contacts "]);
    expect(result.findings[0]!.severity).toBe("improvement");
  });
});

describe("compareRuns: fingerprints and summaries", () => {
  it("gives a finding the fingerprint of its class, subject and path, the same in every run", async () => {
    const gone = (line: number) => run((s) => (s.name === "send text" ? { ...s, line, shape: shapeOf({ accepted_time: "x" }) } : s));
    const a = await compareWritten({ baseline: run(), candidate: gone(12) });
    const b = await compareWritten({ baseline: run(), candidate: gone(40) });
    expect(a.findings[0]!.fingerprint).toBe(findingFingerprint("field-gone", "messages@us/steps/send text", "$.message_id"));
    expect(b.findings[0]!.fingerprint).toBe(a.findings[0]!.fingerprint);
    expect(a.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });

  it("summarizes both runs, and says when a file was cut short", async () => {
    const result = await compareWritten({ baseline: run(), candidate: run().slice(0, 1), candidateFile: { truncated: true, header: { apiVersion: "v1beta" } } });
    expect(result.baseline).toMatchObject({ target: "emulator", apiVersion: "v1", suites: 3, stepsRun: 8, truncated: false });
    expect(result.candidate).toMatchObject({ apiVersion: "v1beta", suites: 1, stepsRun: 3, truncated: true });
    expect(result.candidate.file).toMatch(/candidate\.json$/);
  });
});
