import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CheckFailure } from "../../model";
import type { SuiteSchema } from "../../parse/suite-validator";
import { parseSuite } from "../../parse/suite";
import { sampleStep } from "../testing/sample-result";
import { failureLines } from "./failure-lines";

const SUITE = [
  "name: Lines",                                   // 1
  "steps:",                                        // 2
  "  - name: create",                              // 3
  "    request: Contacts/Create contact",          // 4
  "    expect:",                                   // 5
  "      status: 200",                             // 6
  "      headers:",                                // 7
  "        Content-Type: { contains: json }",      // 8
  "      body:",                                   // 9
  "        $.display_name: { matches: '^QA' }",    // 10
  "      max_duration_ms: 500",                    // 11
  "    capture:",                                  // 12
  "      CONTACT: $.id",                           // 13
  "  - name: delivered",                           // 14
  "    callback:",                                 // 15
  "      trigger: MESSAGE_DELIVERY",               // 16
  "      match: { $.message_delivery_report.status: DELIVERED }", // 17
  "      within_ms: 2000",                         // 18
  "",
].join("\n");

const schema = JSON.parse(readFileSync(resolve(__dirname, "../../../schemas/suite.schema.json"), "utf8")) as SuiteSchema;
const suite = parseSuite(SUITE, "lines.yaml", schema).suite!;
const [create, delivered] = suite.steps;

function linesOf(step: typeof create, ...failures: CheckFailure[]): number[] {
  return failureLines(sampleStep({ line: step!.pos.line, outcome: "failed", failures }), step);
}

describe("failureLines", () => {
  it("points each failed check at the expectation that did not hold", () => {
    expect(linesOf(create, { kind: "status", message: "" })).toEqual([6]);
    expect(linesOf(create, { kind: "header", path: "content-type", message: "" })).toEqual([8]);
    expect(linesOf(create, { kind: "body", path: "$.display_name", message: "" })).toEqual([10]);
    expect(linesOf(create, { kind: "duration", message: "" })).toEqual([11]);
    expect(linesOf(create, { kind: "capture", path: "$.id", message: "" })).toEqual([13]);
    expect(linesOf(delivered, { kind: "body", path: "$.message_delivery_report.status", message: "" })).toEqual([17]);
    expect(linesOf(delivered, { kind: "callback", message: "" })).toEqual([18]);
  });

  it("falls back to the request (a schema nobody wrote), then to the step's line, without repeats", () => {
    expect(linesOf(create, { kind: "schema", message: "" }, { kind: "no-schema", message: "" })).toEqual([4]);
    expect(linesOf(create, { kind: "cleanup", message: "" })).toEqual([3]);
    expect(failureLines(sampleStep({ line: 3, outcome: "error", failures: [] }), create)).toEqual([3]);
    expect(failureLines(sampleStep({ line: 3, outcome: "failed", failures: [{ kind: "status", message: "" }] }), undefined)).toEqual([3]);
  });
});
