import type { RunResult, Suite } from "../../model";
import { buildPlan } from "../../plan";
import { runPlan } from "../run-plan";
import { cbStep, reqStep, suite, testOptions } from "../testing/builders";
import { fakeContract, fakeRequests } from "../testing/fake-contract";
import { startFakeApi, type FakeApi } from "../testing/fake-api";

let api: FakeApi;
beforeEach(async () => { api = await startFakeApi(); });
afterEach(async () => { await api.close(); });

const run = (suites: Suite[], strict = false): Promise<RunResult> => runPlan({
  plan: buildPlan(suites, { regions: ["us"] }), requests: fakeRequests(), contract: fakeContract(), targets: api.targets(["us"]),
  options: testOptions({ strict }), listeners: [], target: "fake", toolVersion: "test",
});

const report = (id: string, status = "DELIVERED"): unknown => ({ app_id: "A", message_delivery_report: { message_id: id, status } });

/** A step that makes the fake API post callbacks to the suite run's WEBHOOK_URL. */
const fire = (bodies: unknown[], secret = "{{WEBHOOK_SECRET}}") => reqStep("fire", {
  method: "POST", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/hooks:fire", body: { url: "{{WEBHOOK_URL}}", secret, bodies },
  expect: { status: 200, schema: "empty", headers: {}, body: {} },
});

describe("callback steps", () => {
  it("waits for the matching signed callback, captures from it, and leaves others for later steps", async () => {
    const s = suite("hooks", { steps: [
      fire([{ event_delivery_report: {} }, report("M-other", "READ"), report("M1")]),
      cbStep("delivered", { match: { "$.message_delivery_report.message_id": "M1" }, signed: true },
        { capture: { STATUS: "$.message_delivery_report.status" } }),
      cbStep("other", { match: { "$.message_delivery_report.status": { one_of: ["READ"] } } }),
    ] });
    const r = await run([s]);
    expect(r.suites[0]!.steps.map((x) => `${x.name}:${x.outcome}`)).toEqual(["fire:passed", "delivered:passed", "other:passed"]);
    expect(r.suites[0]!.steps[1]!.request).toBe("callback MESSAGE_DELIVERY");
  });

  it("fails kind signature, naming the header, when the callback was signed with another secret or not at all", async () => {
    const wrong = suite("wrong", { steps: [fire([report("M1")], "not-the-run-secret"), cbStep("wait", { signed: true })] });
    const unsigned = suite("unsigned", { steps: [fire([report("M1")], ""), cbStep("wait", { signed: true })] });
    const r = await run([wrong, unsigned]);
    expect(r.suites[0]!.steps[1]!.failures).toEqual([expect.objectContaining({ kind: "signature", path: "x-sinch-webhook-signature" })]);
    expect(r.suites[1]!.steps[1]!.failures).toEqual([{ kind: "signature", path: "x-sinch-webhook-signature", message: "is missing" }]);
    expect(r.suites[0]!.steps[1]!.exchange?.request.headers["x-sinch-webhook-signature"]).toBe("[REDACTED]");
  });

  it("fails kind callback when nothing matching arrives in time, listing what did arrive", async () => {
    const s = suite("late", { steps: [
      fire([{ event_delivery_report: {} }, report("M1"), report("M2")]),
      cbStep("wait", { match: { "$.message_delivery_report.message_id": "M9" }, withinMs: 400 }),
    ] });
    const step = (await run([s])).suites[0]!.steps[1]!;
    expect(step.outcome).toBe("failed");
    expect(step.failures[0]).toMatchObject({ kind: "callback", actual: "arrived: EVENT_DELIVERY, MESSAGE_DELIVERY x2" });
  });

  it("names, for the callback closest to `match`, the key that differed and its line, and keeps what arrived", async () => {
    const match = { "$.message_delivery_report.message_id": "M1", "$.message_delivery_report.status": "READ" };
    const fieldPos = { "callback.match.$.message_delivery_report.status#key": { file: "suites/near.yaml", line: 9, column: 11 } };
    const s = suite("near", { steps: [
      fire([{ event_delivery_report: { secret: "x" } }, report("M2", "QUEUED"), report("M1", "DELIVERED")]),
      cbStep("wait", { match, withinMs: 400 }, { fieldPos }),
    ] });
    const step = (await run([s])).suites[0]!.steps[1]!;
    const failure = step.failures[0]!;
    expect(failure).toMatchObject({ kind: "callback", line: 9, column: 11 });
    expect(failure.arrived!.map((a) => a.trigger)).toEqual(["MESSAGE_DELIVERY", "MESSAGE_DELIVERY", "EVENT_DELIVERY"]);
    expect(failure.arrived![0]!.differs).toEqual(['$.message_delivery_report.status: expected "READ", got "DELIVERED"']);
    expect(JSON.parse(failure.arrived![0]!.body)).toEqual(report("M1", "DELIVERED"));
    expect(failure.arrived!.slice(1).every((a) => a.differs === undefined && a.body.length > 0)).toBe(true);
    expect(JSON.parse(step.exchange!.request.body!)).toEqual(report("M1", "DELIVERED"));
  });

  it("validates the callback against the trigger's schema", async () => {
    const s = suite("bad", { steps: [fire([{ message_delivery_report: "not an object" }]), cbStep("wait", {})] });
    const step = (await run([s])).suites[0]!.steps[1]!;
    expect(step.failures).toEqual([expect.objectContaining({ kind: "schema", schema: "callbacks/message-delivery" })]);
  });
});

describe("callback payloads are checked like responses (one checkPayload)", () => {
  it("fails no-schema when the trigger has no callback schema: no callback goes unchecked", async () => {
    const s = suite("unknown", { steps: [fire([{ event_delivery_report: { event_id: "E1" } }]), cbStep("wait", { trigger: "EVENT_DELIVERY" })] });
    const step = (await run([s])).suites[0]!.steps[1]!;
    expect(step.outcome).toBe("failed");
    expect(step.failures).toEqual([{ kind: "no-schema", message: "no callback schema is known for trigger EVENT_DELIVERY" }]);
  });

  it("records fields the schema does not name as drift, and passes", async () => {
    const s = suite("drift", { steps: [fire([{ ...(report("M1") as object), surprise: 1 }]), cbStep("wait", {})] });
    const step = (await run([s])).suites[0]!.steps[1]!;
    expect(step.outcome).toBe("passed");
    expect(step.drift).toEqual([{ instancePath: "/surprise", schema: "callbacks/message-delivery" }]);
  });

  it("fails on that drift with --strict", async () => {
    const s = suite("strict", { steps: [fire([{ ...(report("M1") as object), surprise: 1 }]), cbStep("wait", {})] });
    const step = (await run([s], true)).suites[0]!.steps[1]!;
    expect(step.outcome).toBe("failed");
    expect(step.failures).toEqual([{ kind: "schema", schema: "callbacks/message-delivery",
      message: "fields not in schema callbacks/message-delivery (--strict): /surprise" }]);
    expect(step.drift).toEqual([{ instancePath: "/surprise", schema: "callbacks/message-delivery" }]);
  });

  it("fails a capture that finds nothing in the callback", async () => {
    const s = suite("capture", { steps: [fire([report("M1")]), cbStep("wait", {}, { capture: { NOPE: "$.message_delivery_report.nope" } })] });
    const step = (await run([s])).suites[0]!.steps[1]!;
    expect(step.failures).toEqual([{ kind: "capture", path: "$.message_delivery_report.nope", message: "found nothing in the callback to capture as NOPE" }]);
  });
});

describe("callback steps on interrupt", () => {
  it("stop waiting when the run is aborted, as an error rather than a broken contract", async () => {
    const controller = new AbortController();
    const s = suite("wait", { steps: [cbStep("wait", { withinMs: 60_000 })] });
    const listener = { onStepStart: () => { setTimeout(() => controller.abort(), 50); } };
    const started = Date.now();
    const r = await runPlan({
      plan: buildPlan([s], { regions: ["us"] }), requests: fakeRequests(), contract: fakeContract(), targets: api.targets(["us"]),
      options: testOptions(), listeners: [listener], target: "fake", toolVersion: "test", signal: controller.signal,
    });
    expect(r.suites[0]!.steps[0]).toMatchObject({ outcome: "error", error: { code: "CC_INTERRUPTED" } });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
