import type { StepResult } from "../model";
import { checkPayload, parseBody, type PayloadCheck } from "./check-payload";
import { fakeContract } from "./testing/fake-contract";

function result(): StepResult {
  return { name: "s", phase: "steps", file: "f", line: 1, column: 1, outcome: "passed", request: "r", durationMs: 0, attempts: [], flaky: false,
    failures: [], drift: [] };
}

function check(over: Partial<PayloadCheck>): StepResult {
  const r = result();
  checkPayload({ contract: fakeContract(), strict: false, schema: "contact", body: { json: { id: "c1", display_name: "x" } }, what: "body", ...over }, r);
  return r;
}

describe("checkPayload", () => {
  it("passes a payload that matches its schema", () => {
    expect(check({})).toMatchObject({ failures: [], drift: [] });
  });

  it("fails with the schema's violations, counted", () => {
    const r = check({ body: { json: { id: 1 } }, what: "callback" });
    expect(r.failures).toEqual([expect.objectContaining({ kind: "schema", schema: "contact",
      message: "the callback does not match schema contact (2 violations)" })]);
    expect(r.failures[0]!.violations).toHaveLength(2);
  });

  it("passes on the no-schema failure it is given, and fails a body that is not JSON", () => {
    expect(check({ schema: { kind: "no-schema", message: "none" } }).failures).toEqual([{ kind: "no-schema", message: "none" }]);
    expect(check({ body: parseBody("<html>") }).failures).toEqual([
      { kind: "not-json", schema: "contact", message: 'expected JSON for schema contact: the body is not JSON: "<html>"' }]);
    expect(check({ body: parseBody("") }).failures[0]?.message).toContain("the body is empty");
  });

  it("records unknown fields as drift, and fails on them only with --strict", () => {
    const body = { json: { id: "c1", display_name: "x", surprise: true } };
    expect(check({ body })).toMatchObject({ failures: [], drift: [{ instancePath: "/surprise", schema: "contact" }] });
    expect(check({ body, strict: true }).failures).toEqual([
      { kind: "schema", schema: "contact", message: "fields not in schema contact (--strict): /surprise" }]);
  });
});
