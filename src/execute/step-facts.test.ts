import type { RunResult, StepResult, Suite } from "../model";
import { buildPlan } from "../plan";
import { runPlan } from "./run-plan";
import { noteShape, pathnameOf } from "./step-facts";
import { cbStep, contactFlow, reqStep, suite, testOptions } from "./testing/builders";
import { fakeContract, fakeRequests } from "./testing/fake-contract";
import { startFakeApi, type FakeApi } from "./testing/fake-api";

let api: FakeApi;
beforeEach(async () => { api = await startFakeApi(); });
afterEach(async () => { await api.close(); });

const run = (suites: Suite[]): Promise<RunResult> => runPlan({
  plan: buildPlan(suites, { regions: ["us"] }), requests: fakeRequests(), contract: fakeContract(), targets: api.targets(["us"]),
  options: testOptions(), listeners: [], target: "fake", toolVersion: "test",
});

describe("what the runner records for the regression gate", () => {
  it("records the operation, method, path template and response shape of request steps, inline ones matched by path", async () => {
    const inline = reqStep("inline get", { method: "GET", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}", expect: { status: 200, headers: {}, body: {} } });
    const admin = reqStep("unknown", { method: "GET", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/elsewhere", expect: { status: 404, schema: "error", headers: {}, body: {} } });
    const r = await run([suite("c", { steps: [contactFlow.create({ body: { display_name: "QA 1", language: "EN" } }), inline, admin] })]);
    const [create, get, unknown] = r.suites[0]!.steps;
    expect(create).toMatchObject({ operationId: "Contacts/Create contact", method: "POST", pathTemplate: "/v1/projects/{project_id}/contacts" });
    expect(create!.shape).toEqual({ $: "object", "$.display_name": "string", "$.language": "string", "$.id": "string" });
    expect(get).toMatchObject({ outcome: "passed", operationId: "Contacts/Get contact", pathTemplate: "/v1/projects/{project_id}/contacts/{contact_id}" });
    expect(unknown).toMatchObject({ outcome: "passed", method: "GET", shape: { $: "object", "$.error": "object", "$.error.code": "number" } });
    expect(unknown!.operationId).toBeUndefined();
    expect(JSON.stringify(r.suites[0]!.steps.map((s) => s.shape))).not.toMatch(/QA 1|C\d/);
  });

  it("records the callback body's shape for a callback step, and no operation", async () => {
    const fire = reqStep("fire", {
      method: "POST", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/hooks:fire", expect: { status: 200, schema: "empty", headers: {}, body: {} },
      body: { url: "{{WEBHOOK_URL}}", bodies: [{ app_id: "A", message_delivery_report: { message_id: "M1", status: "DELIVERED" } }] },
    });
    const r = await run([suite("hooks", { steps: [fire, cbStep("delivered", {})] })]);
    const delivered = r.suites[0]!.steps[1]!;
    expect(delivered.outcome).toBe("passed");
    expect(delivered.operationId).toBeUndefined();
    expect(delivered.shape).toEqual({
      $: "object", "$.app_id": "string", "$.message_delivery_report": "object",
      "$.message_delivery_report.message_id": "string", "$.message_delivery_report.status": "string",
    });
  });

  it("merges the shapes of a poll's responses: a field only some had is optional, types join", () => {
    const result = { shape: undefined } as unknown as StepResult;
    noteShape(result, { json: { status: "QUEUED", at: null } });
    noteShape(result, { json: { status: "DELIVERED", at: "2026-01-01", delivered: true } });
    noteShape(result, { json: undefined, notJson: "the body is empty" });
    expect(result.shape).toEqual({ $: "object", "$.status": "string", "$.at": "null|string", "$.delivered": "boolean?" });
  });

  it("reads a URL's path as the URL parser does, also where it is taken without the parser", () => {
    const urls = [
      "http://127.0.0.1:3000/v1/projects/p/things/thing-1?x=1", "https://h/v1/a:b@c;d=e,f'(g)*+!$&~", "http://h", "http://h?q#f",
      "http://h//x", "http://h/a/./b/../c", "http://h/a/%2e%2E/c", "http://h/a b", "http://h/é", "http://h/a\\b", "HTTP://h/x",
      "http://h:99999/x", "http:///x", "not a url", "http://h/{x}|^", "https://u:p@h:8443/x/",
    ];
    for (const url of urls) {
      let expected: string;
      try {
        expected = new URL(url).pathname;
      } catch {
        expected = url.split(/[?#]/)[0]!;
      }
      expect([url, pathnameOf(url)]).toEqual([url, expected]);
    }
  });
});
