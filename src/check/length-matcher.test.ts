import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { RequestTemplate } from "../model";
import { createContract } from "../contract";
// the real parser and the real suite schema, as `check` runs them
import { parseSuite } from "../parse";
import { checkSuites } from "./check-suites";

const schema = JSON.parse(readFileSync(resolve(__dirname, "../../schemas/suite.schema.json"), "utf8")) as Record<string, unknown>;

const requests = new Map<string, RequestTemplate>([
  ["Contacts/List contacts", {
    id: "Contacts/List contacts", folder: "Contacts", name: "List contacts", method: "GET",
    url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts", query: [], headers: {}, auth: "bearer", variables: {},
  }],
]);
const contract = createContract({
  schemas: [{ file: "contact-list.schema.json", id: "contact-list.schema.json", schema: { $id: "contact-list.schema.json", type: "object" } }],
  operations: { operations: {} },
});

function text(length: string): string {
  return [
    "name: Lengths",
    "steps:",
    "  - name: list",
    "    request: Contacts/List contacts",
    "    expect:",
    "      status: 200",
    "      schema: ContactList",
    "      body:",
    `        $.contacts: { length: ${length} }`,
    "",
  ].join("\n");
}

function parse(length: string) {
  return parseSuite(text(length), "suites/lengths.yaml", schema);
}

/** parse, then check: every diagnostic `check` would print for the suite. */
function diagnose(length: string) {
  const parsed = parse(length);
  if (!parsed.suite) return parsed.diagnostics;
  return [...parsed.diagnostics, ...checkSuites([parsed.suite], { requests, contract, runVariables: ["PROJECT", "BASE_URL", "N"] })];
}

const NESTED = ["{ gte: 1 }", "{ eq: 2 }", "{ gt: 0 }", "{ lt: 10 }", "{ lte: 3 }", '{ gte: "{{N}}" }'];

describe("length matcher in the suite schema (parse)", () => {
  it.each(["3", "0", '"{{N}}"', ...NESTED])("accepts length: %s", (length) => {
    const parsed = parse(length);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.suite).toBeDefined();
  });

  it("rejects length: { foo: 1 } with CC_BAD_MATCHER at the line, naming the allowed comparisons", () => {
    const { suite, diagnostics } = parse("{ foo: 1 }");
    expect(suite).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "CC_BAD_MATCHER", severity: "error", file: "suites/lengths.yaml", line: 9 });
    expect(diagnostics[0]?.message).toContain("length must be one of eq, gt, gte, lt, lte");
  });

  it.each([
    ["-1", "length must be >= 0"],
    ["{ gte: 1, lte: 3 }", "a matcher takes exactly one key"],
    ["{}", "a matcher needs a key"],
    ["{ gte: true }", "gte must be number,string"],
    ["[1]", "length must be"],
  ])("rejects length: %s", (length, why) => {
    const { suite, diagnostics } = parse(length);
    expect(suite).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: "CC_BAD_MATCHER", line: 9 });
    expect(diagnostics[0]?.message).toContain(why);
  });
});

describe("length matcher through check", () => {
  it.each(["3", '"{{N}}"'])("accepts length: %s", (length) => {
    expect(diagnose(length)).toEqual([]);
  });

  it("rejects length: { foo: 1 }", () => {
    expect(diagnose("{ foo: 1 }").map((d) => d.code)).toEqual(["CC_BAD_MATCHER"]);
  });

  it.each(NESTED)("accepts a nested comparison length: %s", (length) => {
    expect(diagnose(length)).toEqual([]);
  });
});
