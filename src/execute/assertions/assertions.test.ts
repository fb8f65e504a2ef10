import type { CheckFailure } from "../../model";
import { VariableScope } from "../variables";
import { checkBody, checkDuration, checkHeaders, checkStatus, compileExpectation } from "./expectation";
import { compilePath } from "./json-path";
import { compileStatus } from "./status";

const scope = new VariableScope({}, new Map());
scope.captures.set("ID", "c1");

describe("status specs", () => {
  it("matches a code, a class and a list", () => {
    expect(compileStatus(200).test(200)).toBe(true);
    expect(compileStatus(200).test(201)).toBe(false);
    expect(compileStatus("4xx").test(404)).toBe(true);
    expect(compileStatus("4xx").test(500)).toBe(false);
    expect(compileStatus([200, "5xx"]).test(503)).toBe(true);
    expect(compileStatus(undefined).test(204)).toBe(true);
    expect(checkStatus(compileStatus([200, 201]), 404)).toMatchObject({ kind: "status", expected: "200 or 201", actual: "404" });
  });
});

describe("JSON paths", () => {
  const json = { id: "c1", items: [{ "odd-key": 1, n: null }, { n: 2 }], deep: { a: { b: true } } };
  it("walks definite paths to their single value", () => {
    expect(compilePath("$.id").get(json)).toBe("c1");
    expect(compilePath("$.items[1].n").get(json)).toBe(2);
    expect(compilePath("$.items[0]['odd-key']").get(json)).toBe(1);
    expect(compilePath("$.items[0].n").get(json)).toBeNull();
    expect(compilePath("$.items[5].n").get(json)).toBeUndefined();
    expect(compilePath("$").get(json)).toBe(json);
    expect(compilePath("$.deep.a.b").definite).toBe(true);
    // a name jsonpath-plus reads (not walked directly) is still definite
    expect(compilePath("$.deep['a']..b").definite).toBe(false);
    expect(compilePath("$.items[(@.length-1)].n")).toMatchObject({ definite: true });
    expect(compilePath("$.items[(@.length-1)].n").get(json)).toBe(2);
  });

  it("gives indefinite paths the array of every match, [] for none", () => {
    for (const p of ["$..b", "$.items[*].n", "$.items.*.n", "$.items[?(@.n==2)].n", "$.items[0:2].n", "$.items[0,1].n", "$..x"]) {
      expect([p, compilePath(p).definite]).toEqual([p, false]);
    }
    expect(compilePath("$..b").get(json)).toEqual([true]);
    expect(compilePath("$.items[*].n").get(json)).toEqual([null, 2]);
    expect(compilePath("$.deep.*").get(json)).toEqual([{ b: true }]);
    expect(compilePath("$.items[?(@.n==2)].n").get(json)).toEqual([2]);
    expect(compilePath("$.items[0:2].n").get(json)).toEqual([null, 2]);
    expect(compilePath("$.items[*].nope").get(json)).toEqual([]);
    expect(compilePath("$.nope[*]").get(json)).toEqual([]);
    expect(compilePath("$.nope..x").get(json)).toEqual([]);
    expect(compilePath("$.id[*]").get(json)).toEqual([]);
    expect(compilePath("$..n").get("not an object")).toEqual([]);
  });

  it("reads paths as jsonpath-plus does, where the old hand-written walk disagreed (issue 7)", () => {
    // an index on an object names its key "0"; the root of a scalar document is the scalar
    expect(compilePath("$.items[0]").get({ items: { "0": "zero" } })).toBe("zero");
    expect([compilePath("$").get(5), compilePath("$").get("text"), compilePath("$").get(null)]).toEqual([5, "text", null]);
    expect([compilePath("$.a").get(5), compilePath("$.a").get(null), compilePath("$.a").get(undefined)]).toEqual([undefined, undefined, undefined]);
    expect([compilePath("$..a").get(null), compilePath("$.constructor").get({}), compilePath("$.x").get(Object.create({ x: 1 }))]).toEqual([[], undefined, undefined]);
  });

  it("captures the value of a definite path and the first match of an indefinite one", () => {
    expect(compilePath("$.items[1].n").first(json)).toBe(2);
    expect(compilePath("$.items[*].n").first(json)).toBeNull();
    expect(compilePath("$.items[?(@.n==2)].n").first(json)).toBe(2);
    expect(compilePath("$.items[?(@.n==3)].n").first(json)).toBeUndefined();
    expect(compilePath("$.items[*].nope").first(json)).toBeUndefined();
  });
});

describe("checks on indefinite paths", () => {
  const body = { webhooks: [{ id: "w1" }, { id: "w2" }, { id: "w3" }] };
  const run = (spec: Record<string, unknown>): Array<[string | undefined, string | undefined, string | undefined]> => {
    const out: CheckFailure[] = [];
    checkBody(compileExpectation({ headers: {}, body: spec as never }).body, body, scope.resolver(), out);
    return out.map((f) => [f.path, f.expected, f.actual]);
  };

  it("checks the whole list: contains, length and equality", () => {
    expect(run({ "$.webhooks[*].id": { contains: "w2" }, "$.webhooks[*]": { length: 3 }, "$.webhooks[?(@.id=='w9')]": { length: 0 } })).toEqual([]);
    expect(run({ "$.webhooks[*].id": ["w1", "w2", "w3"], "$.webhooks[?(@.id=='w1')].id": ["w1"] })).toEqual([]);
  });

  it("fails when the list does not hold", () => {
    expect(run({ "$.webhooks[*].id": { contains: "w9" } })).toEqual([["$.webhooks[*].id", 'contains "w9"', '["w1","w2","w3"]']]);
    expect(run({ "$.webhooks[*]": { length: 2 } })).toEqual([["$.webhooks[*]", "length 2", expect.any(String)]]);
    // a scalar no longer equals a one-element list of matches
    expect(run({ "$.webhooks[?(@.id=='w1')].id": "w1" })).toEqual([["$.webhooks[?(@.id=='w1')].id", '"w1"', '["w1"]']]);
  });

  it("reads exists as: anything matches", () => {
    expect(run({ "$.webhooks[?(@.id=='w9')]": { exists: false }, "$.webhooks[?(@.id=='w1')]": { exists: true } })).toEqual([]);
    expect(run({ "$.webhooks[?(@.id=='w9')]": { exists: true } })).toEqual([["$.webhooks[?(@.id=='w9')]", "exists true", "(missing)"]]);
    expect(run({ "$.webhooks[*].id": { exists: false } })).toEqual([["$.webhooks[*].id", "exists false", '["w1","w2","w3"]']]);
  });
});

describe("checks", () => {
  it("reports body mismatches and missing paths, allows exists:false", () => {
    const e = compileExpectation({ headers: {}, body: { "$.id": "{{ID}}", "$.n": { gt: 5 }, "$.gone": { exists: false }, "$.missing": "x" } });
    const out: CheckFailure[] = [];
    checkBody(e.body, { id: "c1", n: 3 }, scope.resolver(), out);
    expect(out.map((f) => [f.path, f.expected, f.actual])).toEqual([["$.n", "gt 5", "3"], ["$.missing", '"x"', "(missing)"]]);
    const ok: CheckFailure[] = [];
    checkBody(e.body.slice(0, 1), { id: "c1" }, scope.resolver(), ok);
    expect(ok).toEqual([]);
  });

  it("matches header names case-insensitively", () => {
    const e = compileExpectation({ headers: { "Content-Type": { contains: "application/json" }, "X-Gone": { exists: false } }, body: {} });
    const good: CheckFailure[] = [];
    checkHeaders(e.headers, { "content-type": "application/json; charset=utf-8" }, scope.resolver(), good);
    expect(good).toEqual([]);
    const bad: CheckFailure[] = [];
    checkHeaders(e.headers, { "content-type": "text/html", "x-gone": "1" }, scope.resolver(), bad);
    expect(bad.map((f) => f.path)).toEqual(["content-type", "x-gone"]);
  });

  it("checks max duration", () => {
    expect(checkDuration(100, 50)).toBeUndefined();
    expect(checkDuration(100, 150)).toMatchObject({ kind: "duration", actual: "150" });
  });
});

describe("failure messages", () => {
  it("never repeat the path: the display adds it once (issue 7: the console said it twice)", () => {
    const e = compileExpectation({ headers: { "Content-Type": { contains: "json" } }, body: { "$.n": { gt: 5 }, "$.missing": "x", "$.items[*].id": { contains: "w9" } } });
    const out: CheckFailure[] = [];
    checkHeaders(e.headers, { "content-type": "text/html" }, scope.resolver(), out);
    checkBody(e.body, { n: 3, items: [{ id: "w1" }] }, scope.resolver(), out);
    expect(out.map((f) => [f.kind, f.path, f.message])).toEqual([
      ["header", "content-type", 'expected contains "json", got "text/html"'],
      ["body", "$.n", "expected gt 5, got 3"],
      ["body", "$.missing", "not found"],
      ["body", "$.items[*].id", 'expected contains "w9", got ["w1"]'],
    ]);
    for (const f of out) expect([f.path, f.message.includes(f.path!)]).toEqual([f.path, false]);
  });
});
