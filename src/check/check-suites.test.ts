import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Diagnostic, RequestTemplate, Suite } from "../model";
import { createContract } from "../contract";
// tests build suites with the real parser so positions are real; check itself never imports parse
import { parseSuite } from "../parse";
import { checkSuites } from "./check-suites";
import type { CheckContext } from "./context";
import { jsonPathProblem } from "./jsonpath";

const schema = JSON.parse(readFileSync(resolve(__dirname, "../../schemas/suite.schema.json"), "utf8")) as Record<string, unknown>;

function suite(id: string, text: string): Suite {
  const parsed = parseSuite(text, `suites/${id}.yaml`, schema);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.suite as Suite;
}

function template(id: string, over: Partial<RequestTemplate> = {}): RequestTemplate {
  const [folder = "", name = ""] = id.split("/");
  return {
    id, folder, name, method: "GET", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/x", query: [], headers: {},
    auth: "bearer", variables: { COLLECTION_VAR: "set" }, ...over,
  };
}

const requests = new Map<string, RequestTemplate>([
  ["Contacts/Create contact", template("Contacts/Create contact", { method: "POST", body: { mode: "json", json: { n: "{{$randomInt}}" } } })],
  ["Contacts/Get contact", template("Contacts/Get contact", { url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}" })],
  ["Contacts/Delete contact", template("Contacts/Delete contact", { method: "DELETE", url: "{{BASE_URL}}/contacts/{{CONTACT}}" })],
  ["Apps/Get app", template("Apps/Get app", { url: "{{BASE_URL}}/apps/{{APP}}", variables: { COLLECTION_VAR: "set", APP: "from-folder" } })],
]);

const contract = createContract({
  schemas: [
    { file: "contact.schema.json", id: "contact.schema.json", schema: { $id: "contact.schema.json", type: "object" } },
    { file: "contact-list.schema.json", id: "contact-list.schema.json", schema: { $id: "contact-list.schema.json", type: "object" } },
    {
      file: "callbacks/message-delivery.schema.json",
      id: "callbacks/message-delivery.schema.json",
      schema: { $id: "callbacks/message-delivery.schema.json", type: "object" },
    },
  ],
  operations: { operations: {} },
});

const ctx = { requests, contract, runVariables: ["PROJECT", "BASE_URL", "REGION", "WEBHOOK_URL"] } satisfies CheckContext;

function check(...suites: Suite[]): Array<[string, number | undefined, number | undefined]> {
  return checkSuites(suites, ctx).map((d: Diagnostic) => [d.code, d.line, d.column]);
}

function only(text: string, id = "s"): Diagnostic[] {
  return checkSuites([suite(id, text)], ctx);
}

const GOOD = `name: good
exports: [CONTACT]
variables: { GREETING: "hi {{REGION}}" }
steps:
  - name: create
    request: Contacts/Create contact
    headers: { x-app: "{{COLLECTION_VAR}}" }
    expect:
      status: 200
      schema: Contact
      headers: { content-type: { contains: json } }
      body:
        $.id: { matches: "^[0-9A-Z]+$" }
        $.items[0].name: { type: string }
        $.n: { gt: "{{GREETING}}" }
        $.plain: { nested: object }
    capture: { CONTACT: $.id }
  - name: get
    request: Contacts/Get contact
    retry: { until: { body: { $.id: "{{CONTACT}}" } } }
  - name: app
    request: Apps/Get app
  - name: inline
    method: GET
    url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}?x={{$guid}}"
  - name: delivered
    callback:
      trigger: MESSAGE_DELIVERY
      match: { $.message_delivery_report.contact_id: "{{CONTACT}}" }
teardown:
  - request: Contacts/Delete contact
  - request: Contacts/Delete contact
`;

describe("checkSuites", () => {
  it("accepts a correct suite", () => {
    expect(only(GOOD)).toEqual([]);
  });

  it("CC_UNKNOWN_REQUEST with did-you-mean", () => {
    const [d, ...rest] = only("name: s\nsteps:\n  - name: a\n    request: Contacts/Create contac\n");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "CC_UNKNOWN_REQUEST", file: "suites/s.yaml", line: 4, column: 14, hint: 'did you mean "Contacts/Create contact"?' });
  });

  it("CC_UNKNOWN_SCHEMA with did-you-mean over the contract's schemas", () => {
    const [d, ...rest] = only("name: s\nsteps:\n  - name: a\n    request: Contacts/Create contact\n    expect: { schema: Contcat }\n");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "CC_UNKNOWN_SCHEMA", line: 5, column: 23, hint: 'did you mean "contact"?' });
  });

  it("CC_UNKNOWN_TRIGGER with did-you-mean over the callback schemas", () => {
    const [d, ...rest] = only("name: s\nsteps:\n  - name: a\n    callback: { trigger: MESSAGE_DELIVERYY }\n");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "CC_UNKNOWN_TRIGGER", line: 4, column: 26, hint: 'did you mean "MESSAGE_DELIVERY"?' });
  });

  it("CC_VARIABLE_BEFORE_CAPTURE for a use before the capturing step, in the suite or in the collection request", () => {
    const text = `name: s
steps:
  - name: early
    method: GET
    url: "{{BASE_URL}}/c/{{CONTACT}}"
  - name: early template
    request: Contacts/Get contact
  - name: capture
    request: Contacts/Create contact
    capture: { CONTACT: $.id }
`;
    expect(check(suite("s", text))).toEqual([
      ["CC_VARIABLE_BEFORE_CAPTURE", 5, 10],
      ["CC_VARIABLE_BEFORE_CAPTURE", 7, 14],
    ]);
    expect(only(text)[1]?.message).toContain('collection request "Contacts/Get contact"');
  });

  it("CC_UNKNOWN_VARIABLE for a variable nothing defines, even in teardown and suite variables", () => {
    const text = `name: s
variables: { A: "{{NOPE}}" }
steps:
  - name: a
    request: Contacts/Create contact
    body: { name: "{{CONTACTT}}" }
    capture: { CONTACT: $.id }
teardown:
  - request: Contacts/Delete contact
  - method: DELETE
    url: "{{BASE_URL}}/x/{{NEVER}}"
`;
    const list = only(text);
    expect(list.map((d) => [d.code, d.line, d.column])).toEqual([
      ["CC_UNKNOWN_VARIABLE", 2, 17],
      ["CC_UNKNOWN_VARIABLE", 6, 19],
      ["CC_UNKNOWN_VARIABLE", 11, 10],
    ]);
    expect(list[1]?.hint).toBe('did you mean "CONTACT"?');
  });

  it("CC_UNKNOWN_VARIABLE with did-you-mean for a dynamic variable that does not exist (issue 7)", () => {
    const text = `name: s
variables: { TAG: "t-{{$guidd}}" }
steps:
  - name: a
    request: Contacts/Create contact
    body: { n: "{{$randomInteger}}", id: "{{$guid}}", at: "{{$isoTimestamp}}" }
  - name: b
    method: GET
    url: "{{BASE_URL}}/x?t={{$nonsense}}&u={{$randomUUID}}&s={{$timestamp}}&i={{$randomInt}}"
`;
    const list = only(text);
    expect(list.map((d) => [d.code, d.line, d.column, d.hint])).toEqual([
      ["CC_UNKNOWN_VARIABLE", 2, 19, 'did you mean "$guid"?'],
      ["CC_UNKNOWN_VARIABLE", 6, 16, 'did you mean "$randomInt"?'],
      ["CC_UNKNOWN_VARIABLE", 9, 10, expect.stringContaining("dynamic variables: $guid, $randomUUID, $timestamp, $isoTimestamp, $randomInt")],
    ]);
    expect(list[1]?.message).toBe('step "a" uses {{$randomInteger}}, which is not a dynamic variable');
  });

  it("knows every run variable and each region's BASE_URL_<R> family without the caller listing them", () => {
    const names = ["PROJECT", "REGION", "BASE_URL", "AUTH_URL", "TEMPLATE_BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "WEBHOOK_URL",
      "WEBHOOK_SECRET", "ADMIN_URL", "ACCESS_TOKEN", "BASE_URL_EU", "AUTH_URL_BR", "TEMPLATE_BASE_URL_US"];
    const url = names.map((n) => `{{${n}}}`).join("/");
    const text = `name: s\nsteps:\n  - name: a\n    method: GET\n    url: "${url}/{{BASE_URL_XX}}"\n`;
    const parsed = suite("s", text);
    expect(checkSuites([parsed], { requests, contract }).map((d) => d.message)).toEqual(['step "a" uses {{BASE_URL_XX}}, which nothing defines']);
  });

  it("lets teardown use captures and needs' exports, and request-level collection variables", () => {
    const app = suite("app", "name: app\nexports: [APP_ID]\nsteps:\n  - name: a\n    request: Apps/Get app\n    capture: { APP_ID: $.id }\n");
    const user = suite("user", "name: u\nneeds: [app]\nsteps:\n  - name: a\n    method: GET\n    url: \"{{BASE_URL}}/{{APP_ID}}/{{COLLECTION_VAR}}\"\n");
    expect(check(app, user)).toEqual([]);
    const noNeed = suite("user", "name: u\nsteps:\n  - name: a\n    method: GET\n    url: \"{{BASE_URL}}/{{APP_ID}}/{{APP}}\"\n");
    // APP_ID is not exported to it, and APP is a variable of another request's folder only
    expect(checkSuites([app, noNeed], ctx).map((d) => d.message)).toEqual([
      'step "a" uses {{APP_ID}}, which nothing defines',
      'step "a" uses {{APP}}, which nothing defines',
    ]);
  });

  it("CC_DUPLICATE_STEP for explicit names used twice", () => {
    const text = "name: s\nsetup:\n  - { name: a, request: Contacts/Create contact }\nsteps:\n  - { name: a, request: Contacts/Create contact }\n";
    expect(check(suite("s", text))).toEqual([["CC_DUPLICATE_STEP", 5, 13]]);
  });

  it("CC_DUPLICATE_STEP compares the names themselves: two names of one hash are not a duplicate, a third use is one more", () => {
    // "step 115" and "step 422980" share their 32-bit FNV-1a hash: the check keeps hashes, then compares the names
    const steps = ["step 115", "step 422980", "b", "step 115", "b", "b"].map((name) => `  - { name: ${name}, request: Contacts/Create contact }`);
    const diagnostics = checkSuites([suite("s", `name: s\nsteps:\n${steps.join("\n")}\n`)], ctx).filter((d) => d.code === "CC_DUPLICATE_STEP");
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '6: step name "step 115" is used twice in suite "s" (first at 3:13)',
      '7: step name "b" is used twice in suite "s" (first at 5:13)',
      '8: step name "b" is used twice in suite "s" (first at 5:13)',
    ]);
  });

  it("CC_DUPLICATE_SUITE for two files with the same stem", () => {
    const a = suite("s", "name: a\nsteps:\n  - { name: a, request: Contacts/Create contact }\n");
    const b = { ...a, file: "other/s.yaml" };
    expect(checkSuites([a, b], ctx).map((d) => d.code)).toEqual(["CC_DUPLICATE_SUITE"]);
  });

  it("CC_UNKNOWN_NEED with did-you-mean", () => {
    const app = suite("app", "name: app\nsteps:\n  - { name: a, request: Contacts/Create contact }\n");
    const user = suite("user", "name: u\nneeds: [ap]\nsteps:\n  - { name: a, request: Contacts/Create contact }\n");
    const list = checkSuites([app, user], ctx);
    expect(list.map((d) => [d.code, d.line, d.column, d.hint])).toEqual([["CC_UNKNOWN_NEED", 2, 9, 'did you mean "app"?']]);
    const fixed = suite("user", "name: u\nneeds: [app]\nsteps:\n  - { name: a, request: Contacts/Create contact }\n");
    expect(check(app, fixed)).toEqual([]);
  });

  it("CC_NEEDS_CYCLE names the cycle once", () => {
    const step = "steps:\n  - { name: a, request: Contacts/Create contact }\n";
    const a = suite("a", `name: a\nneeds: [b]\n${step}`);
    const b = suite("b", `name: b\nneeds: [c]\n${step}`);
    const c = suite("c", `name: c\nneeds: [a]\n${step}`);
    const self = suite("d", `name: d\nneeds: [d]\n${step}`);
    const list = checkSuites([a, b, c, self], ctx);
    expect(list.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ["CC_NEEDS_CYCLE", "suites/a.yaml", 2, 9],
      ["CC_NEEDS_CYCLE", "suites/d.yaml", 2, 9],
    ]);
    expect(list[0]?.message).toContain("a -> b -> c -> a");
    expect(list[1]?.message).toContain("d -> d");
  });

  it("CC_EXPORT_NEVER_SET for an export no step captures", () => {
    expect(check(suite("s", "name: s\nexports: [A, B]\nvariables: { A: x }\nsteps:\n  - { name: a, request: Contacts/Create contact }\n"))).toEqual([
      ["CC_EXPORT_NEVER_SET", 2, 14],
    ]);
  });

  it("CC_BAD_MATCHER for misspelt matchers and wrong arguments", () => {
    const text = (gt: string) => `name: s
steps:
  - name: a
    request: Contacts/Create contact
    expect:
      headers: { content-type: { contain: json } }
      body:
        $.a: { gt: ${gt} }
        $.c: { length: "{{N}}x" }
`;
    // the parser already rejects the argument (the suite schema is generated from the same argument schemas);
    // check must too, for suites built in code: put the bad argument into a parsed suite
    expect(parseSuite(text("abc"), "suites/s.yaml", schema).diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["CC_BAD_MATCHER", 8, 14, "invalid matcher at steps[0].expect.body.$.a: gt takes a number, or a {{VARIABLE}}"],
    ]);
    const parsed = suite("s", text("1"));
    (parsed.steps[0] as { expect: { body: Record<string, unknown> } }).expect.body["$.a"] = { gt: "abc" };
    const list = checkSuites([parsed], { ...ctx, runVariables: [...ctx.runVariables, "N"] });
    expect(list.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["CC_BAD_MATCHER", 6, 32, 'unknown matcher "contain"'],
      ["CC_BAD_MATCHER", 8, 14, "invalid matcher: gt takes a number, or a {{VARIABLE}}"],
    ]);
    expect(list[0]?.hint).toBe('did you mean "contains"?');
  });

  it("checks every matcher's argument against its argument schema", () => {
    const parsed = suite("s", "name: s\nsteps:\n  - name: a\n    request: Contacts/Create contact\n    expect: { body: { $.a: 1 } }\n");
    const body = (parsed.steps[0] as { expect: { body: Record<string, unknown> } }).expect.body;
    const verdict = (spec: unknown): string[] => {
      body["$.a"] = spec;
      return checkSuites([parsed], { ...ctx, runVariables: [...ctx.runVariables, "N"] }).map((d) => d.message);
    };
    const good: unknown[] = [{ eq: { a: 1 } }, { ne: null }, { matches: "^x" }, { contains: { channel: "SMS" } }, { exists: false },
      { type: "integer" }, { length: 0 }, { length: "{{N}}" }, { length: { lte: 3 } }, { gt: 1.5 }, { gte: "{{N}}" }, { lt: -1 },
      { lte: 0 }, { one_of: ["A"] }];
    const bad: Array<[unknown, string]> = [[{ matches: 1 }, "matches takes"], [{ exists: "yes" }, "exists takes true or false"],
      [{ type: "text" }, "type takes one of"], [{ length: -1 }, "length takes"], [{ length: { ge: 1 } }, "length takes"],
      [{ lt: "x" }, "lt takes a number"], [{ one_of: [] }, "one_of takes a non-empty list"]];
    for (const spec of good) expect([spec, verdict(spec)]).toEqual([spec, []]);
    for (const [spec, why] of bad) expect([spec, verdict(spec)]).toEqual([spec, [expect.stringContaining(why)]]);
  });

  it("CC_BAD_REGEX for a regex that does not compile", () => {
    const text = "name: s\nsteps:\n  - name: a\n    request: Contacts/Create contact\n    expect: { body: { $.a: { matches: \"([a-z\" } } }\n";
    expect(check(suite("s", text))).toEqual([["CC_BAD_REGEX", 5, 39]]);
  });

  it("CC_BAD_JSONPATH for broken paths in body, retry, match and capture", () => {
    const text = `name: s
steps:
  - name: a
    request: Contacts/Create contact
    expect: { body: { "$.a[0": 1 } }
    retry: { until: { body: { "$.": 1 } } }
    capture: { X: "$.items[]" }
  - name: b
    callback: { trigger: MESSAGE_DELIVERY, match: { "$x": 1 } }
`;
    expect(check(suite("s", text))).toEqual([
      ["CC_BAD_JSONPATH", 5, 23],
      ["CC_BAD_JSONPATH", 6, 31],
      ["CC_BAD_JSONPATH", 7, 19],
      ["CC_BAD_JSONPATH", 9, 53],
    ]);
  });

  it("CC_REQUEST_AND_INLINE and CC_NO_REQUEST", () => {
    const text = `name: s
steps:
  - name: both
    request: Contacts/Create contact
    method: POST
    url: "{{BASE_URL}}/x"
  - name: neither
    expect: { status: 200 }
`;
    expect(check(suite("s", text))).toEqual([
      ["CC_REQUEST_AND_INLINE", 5, 5],
      ["CC_NO_REQUEST", 7, 5],
    ]);
  });
});

describe("jsonPathProblem", () => {
  it("accepts common JSONPath and rejects broken ones", () => {
    for (const ok of ["$", "$.a", "$..b", "$.a[0].c", "$['a b']", "$[?(@.x == 'y')]", "$.a[*]", "$.a[-1:]", "$[?(@property === 'a' && @.x > 1)]", "$..[?(@root.n)]"]) {
      expect([ok, jsonPathProblem(ok)]).toEqual([ok, undefined]);
    }
    for (const bad of ["a.b", "$.", "$.a[", "$x", "$.a]", "$['a]", "$[]", "$...a", "$[?(@.x ==)]", "$[?()]", "$.a[(1 +)]"]) {
      expect(jsonPathProblem(bad)).toBeDefined();
    }
  });
});
