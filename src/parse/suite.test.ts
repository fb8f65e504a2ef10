import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CallbackStep, RequestStep } from "../model";
import { parseSuite, type SuiteSchema } from "./suite";

const schema = JSON.parse(readFileSync(resolve(__dirname, "../../schemas/suite.schema.json"), "utf8")) as SuiteSchema;

const GOOD = `name: Contacts lifecycle
tags: [contacts, smoke]
regions: [us, eu]
needs: [app]
exports: [CONTACT]
variables:
  PHONE: "+46700000001"
  COUNT: 3
steps:
  - name: create contact
    request: Contacts/Create contact
    query: { page_size: 2 }
    body:
      display_name: "QA {{$randomInt}}"
    auth: basic
    expect:
      status: 200
      schema: Contact
      headers: { content-type: { contains: application/json } }
      body:
        $.display_name: { matches: "^QA " }
        $.channel_identities[0].channel: SMS
      max_duration_ms: 2000
    capture:
      CONTACT: $.id
    retry: { until: { body: { $.status: DELIVERED } } }
  - name: delivery report arrives
    callback:
      trigger: MESSAGE_DELIVERY
      match: { $.message_delivery_report.message_id: "{{MESSAGE}}" }
      signed: true
teardown:
  - request: Contacts/Delete contact
  - method: DELETE
    url: "{{BASE_URL}}/x"
`;

function codes(text: string): Array<[string, number | undefined, number | undefined]> {
  return parseSuite(text, "suites/s.yaml", schema).diagnostics.map((d) => [d.code, d.line, d.column]);
}

describe("parseSuite: a valid suite", () => {
  const { suite, diagnostics } = parseSuite(GOOD, "suites/contacts.yaml", schema);

  it("builds the model with defaults", () => {
    expect(diagnostics).toEqual([]);
    expect(suite).toMatchObject({
      file: "suites/contacts.yaml",
      id: "contacts",
      name: "Contacts lifecycle",
      tags: ["contacts", "smoke"],
      regions: ["us", "eu"],
      auth: "oauth2",
      needs: ["app"],
      exports: ["CONTACT"],
      variables: { PHONE: "+46700000001", COUNT: "3" },
      setup: [],
    });
    const create = suite?.steps[0] as RequestStep;
    expect(create).toMatchObject({
      kind: "request",
      name: "create contact",
      phase: "steps",
      index: 0,
      request: "Contacts/Create contact",
      query: { page_size: 2 },
      body: { display_name: "QA {{$randomInt}}" },
      auth: "basic",
      capture: { CONTACT: "$.id" },
      expect: {
        status: 200,
        schema: "Contact",
        headers: { "content-type": { contains: "application/json" } },
        body: { "$.display_name": { matches: "^QA " }, "$.channel_identities[0].channel": "SMS" },
        maxDurationMs: 2000,
      },
      retry: { until: { body: { "$.status": "DELIVERED" } }, attempts: 10, delayMs: 200 },
    });
    const cb = suite?.steps[1] as CallbackStep;
    expect(cb.callback).toEqual({
      trigger: "MESSAGE_DELIVERY",
      match: { "$.message_delivery_report.message_id": "{{MESSAGE}}" },
      withinMs: 10000,
      signed: true,
    });
  });

  it("names unnamed setup/teardown steps after their request", () => {
    expect(suite?.teardown.map((s) => [s.name, s.phase, s.index])).toEqual([
      ["Contacts/Delete contact", "teardown", 0],
      ["DELETE {{BASE_URL}}/x", "teardown", 1],
    ]);
  });

  it("records positions of steps, keys and values", () => {
    const create = suite?.steps[0];
    expect(create?.pos).toEqual({ file: "suites/contacts.yaml", line: 10, column: 5 });
    expect(create?.fieldPos["request"]).toMatchObject({ line: 11, column: 14 });
    expect(create?.fieldPos["request#key"]).toMatchObject({ line: 11, column: 5 });
    expect(create?.fieldPos["expect.schema"]).toMatchObject({ line: 18, column: 15 });
    expect(create?.fieldPos["capture.CONTACT"]).toMatchObject({ line: 25, column: 16 });
    expect(create?.fieldPos["expect.body.$.display_name#key"]).toMatchObject({ line: 21, column: 9 });
    expect(create?.fieldPos["body.display_name"]).toMatchObject({ line: 14, column: 21 });
    expect(suite?.fieldPos["needs.0"]).toMatchObject({ line: 4, column: 9 });
    expect(suite?.fieldPos["steps"]).toMatchObject({ line: 10 });
  });
});

describe("parseSuite: diagnostics point at the exact key or value", () => {
  it("CC_YAML_SYNTAX for broken YAML and duplicate keys", () => {
    expect(codes("name: x\nsteps: [\n")[0]?.[0]).toBe("CC_YAML_SYNTAX");
    expect(codes("name: x\nname: y\nsteps: []\n")).toEqual([["CC_YAML_SYNTAX", 2, 1]]);
    expect(codes(GOOD)).toEqual([]);
  });

  it("CC_SUITE_FORMAT for an empty file", () => {
    expect(codes("# nothing\n")).toEqual([["CC_SUITE_FORMAT", 1, 1]]);
  });

  it("CC_UNKNOWN_KEY at the key, with did-you-mean", () => {
    const text = "name: x\nsteps:\n  - name: a\n    request: A/b\n    expcet: { status: 200 }\n";
    const [d] = parseSuite(text, "s.yaml", schema).diagnostics;
    expect(d).toMatchObject({ code: "CC_UNKNOWN_KEY", line: 5, column: 5, hint: 'did you mean "expect"?' });
    expect(codes("name: x\nstep: []\nsteps:\n  - { name: a, request: A/b }\n")).toEqual([["CC_UNKNOWN_KEY", 2, 1]]);
  });

  it("CC_MISSING_KEY at the object that lacks it", () => {
    expect(codes("name: x\n")).toEqual([["CC_MISSING_KEY", 1, 1]]);
    expect(codes("name: x\nsteps:\n  - request: A/b\n")).toEqual([["CC_MISSING_KEY", 3, 5]]);
    expect(codes("name: x\nsteps:\n  - name: a\n    method: GET\n")).toEqual([["CC_MISSING_KEY", 3, 5]]);
  });

  it("says what is missing and why, and which keys are allowed when no name is close", () => {
    const messages = (text: string) => parseSuite(text, "s.yaml", schema).diagnostics.map((d) => [d.message, d.hint]);
    expect(messages("name: x\nsteps:\n  - name: a\n    method: GET\n")).toEqual([[expect.stringContaining('is missing "url" (needed with "method")'), expect.anything()]]);
    expect(messages("name: x\nzzzzzzzz: 1\nsteps:\n  - { name: a, request: A/b }\n")).toEqual([
      ['unknown key "zzzzzzzz" in (suite)', expect.stringMatching(/^allowed keys here: name, /)],
    ]);
  });

  it("CC_WRONG_TYPE at the value", () => {
    expect(codes("name: x\ntags: smoke\nsteps:\n  - { name: a, request: A/b }\n")).toEqual([["CC_WRONG_TYPE", 2, 7]]);
    expect(codes("- a\n")).toEqual([["CC_WRONG_TYPE", 1, 1]]);
  });

  it("CC_BAD_VALUE for enums (with did-you-mean), statuses and names", () => {
    const text = "name: x\nauth: oauth\nsteps:\n  - { name: a, request: A/b, expect: { status: 4yy } }\n";
    const list = parseSuite(text, "s.yaml", schema).diagnostics;
    expect(list.map((d) => [d.code, d.line, d.column])).toEqual([
      ["CC_BAD_VALUE", 2, 7],
      ["CC_BAD_VALUE", 4, 48],
    ]);
    expect(list[0]?.hint).toBe('did you mean "oauth2"?');
    expect(codes("name: x\nvariables: { a-b: 1 }\nsteps:\n  - { name: a, request: A/b }\n")).toEqual([["CC_BAD_VALUE", 2, 14]]);
    expect(codes("name: x\nsteps:\n  - { name: a, request: A/b, expect: { status: [200, 4xx] } }\n")).toEqual([]);
  });

  it("CC_BAD_MATCHER for matcher objects with several keys or a wrong argument", () => {
    const text = "name: x\nsteps:\n  - name: a\n    request: A/b\n    expect:\n      body:\n        $.a: { matches: 1 }\n        $.b: { matches: x, eq: 1 }\n        $.c: { nested: plain }\n";
    const list = parseSuite(text, "s.yaml", schema).diagnostics;
    expect(list.map((d) => [d.code, d.line, d.column])).toEqual([
      ["CC_BAD_MATCHER", 7, 14],
      ["CC_BAD_MATCHER", 8, 14],
    ]);
    expect(list[1]?.message).toContain("exactly one key");
  });

  it("CC_BAD_JSONPATH for body keys and captures that are not JSONPath", () => {
    const text = "name: x\nsteps:\n  - name: a\n    request: A/b\n    expect: { body: { id: 1 } }\n    capture: { ID: id }\n";
    expect(codes(text)).toEqual([
      ["CC_BAD_JSONPATH", 5, 23],
      ["CC_BAD_JSONPATH", 6, 20],
    ]);
  });

  it("reports keys that do not belong to a callback step", () => {
    const text = "name: x\nsteps:\n  - name: a\n    callback: { trigger: MESSAGE_DELIVERY, within: 5 }\n    url: x\n";
    expect(codes(text)).toEqual([
      ["CC_UNKNOWN_KEY", 4, 44],
      ["CC_UNKNOWN_KEY", 5, 5],
    ]);
  });

  it("reports a broken suite schema instead of throwing", () => {
    const out = parseSuite("name: x\n", "s.yaml", { type: "nonsense" });
    expect(out.diagnostics.map((d) => d.code)).toEqual(["CC_SCHEMA_INVALID"]);
  });
});

describe("parseSuite: defensive paths", () => {
  it("reports a missing schema and alias bombs instead of throwing", () => {
    expect(parseSuite("name: x\n", "s.yaml", undefined as unknown as SuiteSchema).diagnostics.map((d) => d.code)).toEqual(["CC_SCHEMA_INVALID"]);
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]"].join("\n");
    expect(parseSuite(bomb, "s.yaml", schema).diagnostics.map((d) => d.code)).toEqual(["CC_YAML_SYNTAX"]);
  });
});
