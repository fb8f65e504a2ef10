import { applySpec } from "../compile-matcher";
import { MATCHERS } from "../registry";

// One row per matcher: a spec, values it accepts, values it rejects.
const cases: Array<[string, unknown, unknown[], unknown[]]> = [
  ["eq", { eq: { a: [1, "x"] } }, [{ a: [1, "x"] }, { a: ["1", "x"] }], [{ a: [1] }, undefined, null]],
  ["ne", { ne: "SMS" }, ["MMS", 3], ["SMS", undefined]],
  ["matches", { matches: "^QA \\d+$" }, ["QA 12"], ["qa 12", "QA x", undefined, { a: 1 }]],
  ["contains", { contains: "json" }, ["application/json", ["json", "xml"], { json: 1 }], ["text/html", ["js"], 5]],
  ["exists", { exists: true }, ["", null, 0], [undefined]],
  ["exists", { exists: false }, [undefined], [null, "x"]],
  ["type", { type: "array" }, [[], [1]], [{}, "[]", null]],
  ["type", { type: "integer" }, [3, -1], [3.5, "3"]],
  ["length", { length: 2 }, ["ab", [1, 2], { a: 1, b: 2 }], ["abc", [1], 2]],
  ["length", { length: { gte: 1 } }, [[1], "x"], [[], ""]],
  ["gt", { gt: 2 }, [3, "2.5"], [2, 1, "x", undefined]],
  ["gte", { gte: 2 }, [2, 3], [1.9, null]],
  ["lt", { lt: 2 }, [1, -5], [2, "abc"]],
  ["lte", { lte: 2 }, [2, "1"], [3, {}]],
  ["one_of", { one_of: ["QUEUED", "DELIVERED"] }, ["QUEUED", "DELIVERED"], ["READ", undefined]],
];

describe("matchers", () => {
  it("has one registry entry per documented matcher", () => {
    expect([...MATCHERS.keys()].sort()).toEqual(
      ["contains", "eq", "exists", "gt", "gte", "length", "lt", "lte", "matches", "ne", "one_of", "type"]);
  });

  it.each(cases)("%s %j passes and fails", (_name, spec, good, bad) => {
    for (const value of good) expect([value, applySpec(value, spec)]).toEqual([value, true]);
    for (const value of bad) expect([value, applySpec(value, spec)]).toEqual([value, false]);
  });

  it("treats a plain value (and a multi-key object) as equality", () => {
    expect(applySpec("SMS", "SMS")).toBe(true);
    expect(applySpec("MMS", "SMS")).toBe(false);
    expect(applySpec({ eq: 1, ne: 2 }, { eq: 1, ne: 2 })).toBe(true);
    expect(applySpec({ eq: 1 }, { eq: 1, ne: 2 })).toBe(false);
  });
});
