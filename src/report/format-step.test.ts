import type { CheckFailure } from "../model";
import { failureSummary, formatFailure } from "./format-step";

// failures as execute/ builds them: the path in `path`, a message that does not repeat it
const body: CheckFailure = { kind: "body", path: "$.status", message: 'expected "DELIVERED", got "QUEUED"', expected: '"DELIVERED"', actual: '"QUEUED"' };
const header: CheckFailure = { kind: "header", path: "content-type", message: 'expected contains "json", got "text/html"' };
const status: CheckFailure = { kind: "status", message: "expected status 200, got 404", expected: "200", actual: "404" };

const count = (text: string, part: string): number => text.split(part).length - 1;

describe("failure display", () => {
  it("names the kind and the path once, then the message, expected and actual", () => {
    expect(formatFailure(body)).toEqual([
      'body at $.status: expected "DELIVERED", got "QUEUED"',
      '  expected: "DELIVERED"',
      '  actual:   "QUEUED"',
    ]);
    expect(count(formatFailure(header)[0]!, "content-type")).toBe(1);
    expect(formatFailure(status)).toEqual(["status: expected status 200, got 404", "  expected: 200", "  actual:   404"]);
  });

  it("shows the schema and each violation of a schema failure", () => {
    const schema: CheckFailure = { kind: "schema", schema: "thing", message: "the body does not match schema thing (1 violation)",
      violations: [{ instancePath: "/size", keyword: "type", schemaPath: "#/properties/size/type", message: "must be integer", actual: '"one"' }] };
    expect(formatFailure(schema)).toEqual([
      "schema (schema thing): the body does not match schema thing (1 violation)",
      '  /size: type: must be integer, actual: "one"',
    ]);
  });

  it("gives a one-line summary led by the path (the JUnit failure message)", () => {
    expect(failureSummary(body)).toBe('$.status: expected "DELIVERED", got "QUEUED"');
    expect(failureSummary(status)).toBe("expected status 200, got 404");
  });

  it("adds where the expectation is written, what the response said, and the callbacks that came instead", () => {
    const said: CheckFailure = { ...status, line: 10, column: 7, reason: { message: "Invalid argument (INVALID_ARGUMENT)",
      fieldViolations: [{ field: "language", description: "is required" }] } };
    expect(formatFailure(said, "suites/a.yaml")).toEqual([
      "status: expected status 200, got 404", "  --> suites/a.yaml:10:7", "  expected: 200", "  actual:   404",
      "  response: Invalid argument (INVALID_ARGUMENT)", "    language: is required",
    ]);
    expect(failureSummary(said)).toBe("expected status 200, got 404: Invalid argument (INVALID_ARGUMENT)");
    expect(formatFailure({ ...status, reason: { body: "<html>" } })).toContain("  response body: <html>");
    const arrived = Array.from({ length: 12 }, (_, i) => ({ trigger: "MESSAGE_DELIVERY", body: `{"n":${i}}`, ...(i === 0 ? { differs: ["$.id: expected 1, got 2"] } : {}) }));
    const lines = formatFailure({ kind: "callback", message: "no MESSAGE_DELIVERY callback arrived", arrived });
    expect(lines.slice(1, 4)).toEqual(["  arrived: MESSAGE_DELIVERY (closest; differs at $.id: expected 1, got 2)", '    {"n":0}', "  arrived: MESSAGE_DELIVERY"]);
    expect(lines.at(-1)).toBe("  ... and 2 more (every one is in results.json)");
  });
});
