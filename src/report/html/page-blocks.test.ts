import { createRedactor } from "../../diagnostics";
import { spooledOpening } from "../results-writer";
import { redactedRecordJson, suiteRecordHead, toStepRecord, toSuiteRecord, withBlankedStepHeaders } from "../suite-record";
import { sampleStep, sampleSuite } from "../testing/sample-result";
import { blockText, jsonScript, suiteBlockPieces } from "./page-blocks";

const SECRET = "s3cr3t-<client>-value";

describe("a suite's block in report.html", () => {
  it("comes in pieces (steps in batches) that join to the block of the whole redacted record, secrets replaced and '<' escaped", () => {
    const steps = Array.from({ length: 3000 }, (_, i) => sampleStep({
      name: `step <${i}>`,
      ...(i % 500 === 7 ? {
        outcome: "failed" as const,
        failures: [{ kind: "body" as const, message: `expected "${SECRET}"`, path: "$.a" }],
        exchange: { request: { method: "GET", url: "http://h/x", headers: { authorization: `Bearer ${SECRET}` } }, response: { status: 200, headers: {}, body: `{"a":"${SECRET}"}` } },
      } : {}),
    }));
    const suite = sampleSuite(steps);
    const excerpts = [{ step: 7, file: "suites/contacts.yaml", start: 1, lines: ["a: </script>"], marks: [2] }];
    const redactor = createRedactor([SECRET]);
    const stepJson = suite.steps.map((step) => JSON.stringify(withBlankedStepHeaders(toStepRecord(suite.key, step), redactor)));
    const batches = Array.from({ length: 30 }, (_, b) => blockText(`${b > 0 ? "," : ""}${stepJson.slice(b * 100, b * 100 + 100).join(",")}`, redactor));
    const pieces = [...suiteBlockPieces(spooledOpening(suiteRecordHead(suite, ["smoke"])), batches, excerpts, redactor)];
    const whole = jsonScript('class="cc-suite"', `{"suite":${redactedRecordJson(toSuiteRecord(suite, ["smoke"]), redactor)},"excerpts":${JSON.stringify(excerpts)}}`);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(whole);
    expect(whole).not.toContain("s3cr3t");
    expect(whole).not.toContain("<client>");
  });
});
