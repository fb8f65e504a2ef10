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
  it("walks simple paths directly and others through jsonpath-plus", () => {
    expect(compilePath("$.id").get(json)).toBe("c1");
    expect(compilePath("$.items[1].n").get(json)).toBe(2);
    expect(compilePath("$.items[0]['odd-key']").get(json)).toBe(1);
    expect(compilePath("$.items[0].n").get(json)).toBeNull();
    expect(compilePath("$.items[5].n").get(json)).toBeUndefined();
    expect(compilePath("$..b").get(json)).toBe(true);
    expect(compilePath("$.items[?(@.n==2)].n").get(json)).toBe(2);
    expect(compilePath("$.nope..x").get(json)).toBeUndefined();
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
