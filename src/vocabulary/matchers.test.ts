import { applyMatcher, MATCHER_NAMES, MATCHERS, matcherNamed } from "./matchers";

// One row per matcher: a spec, values it accepts, values it rejects.
const cases: Array<[string, unknown, unknown[], unknown[]]> = [
  ["eq", { eq: { a: [1, "x"] } }, [{ a: [1, "x"] }, { a: ["1", "x"] }], [{ a: [1] }, undefined, null]],
  ["ne", { ne: "SMS" }, ["MMS", 3], ["SMS", undefined]],
  ["matches", { matches: "^QA \\d+$" }, ["QA 12"], ["qa 12", "QA x", undefined, { a: 1 }]],
  ["contains", { contains: "json" }, ["application/json", ["json", "xml"]], ["text/html", ["js"], 5, undefined]],
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
  it("has one registry entry per documented matcher, each with an argument schema that says what it takes", () => {
    expect([...MATCHER_NAMES].sort()).toEqual(["contains", "eq", "exists", "gt", "gte", "length", "lt", "lte", "matches", "ne", "one_of", "type"]);
    for (const m of MATCHERS) expect([m.name, typeof m.argument.description]).toEqual([m.name, "string"]);
    expect(new Set(cases.map(([name]) => name))).toEqual(new Set(MATCHER_NAMES));
  });

  it.each(cases)("%s %j passes and fails", (_name, spec, good, bad) => {
    for (const value of good) expect([value, applyMatcher(value, spec)]).toEqual([value, true]);
    for (const value of bad) expect([value, applyMatcher(value, spec)]).toEqual([value, false]);
  });

  it("treats a plain value (and a multi-key object) as equality", () => {
    expect(applyMatcher("SMS", "SMS")).toBe(true);
    expect(applyMatcher("MMS", "SMS")).toBe(false);
    expect(applyMatcher({ eq: 1, ne: 2 }, { eq: 1, ne: 2 })).toBe(true);
    expect(applyMatcher({ eq: 1 }, { eq: 1, ne: 2 })).toBe(false);
  });

  it("reports a regex that does not compile, and only then", () => {
    expect(matcherNamed("matches")?.argumentProblem?.("^QA (")).toMatchObject({ code: "CC_BAD_REGEX", message: expect.stringContaining("invalid regular expression") });
    expect(matcherNamed("matches")?.argumentProblem?.("^QA \\d+$")).toBeUndefined();
  });
});

describe("contains on an object: a subset (issue 7)", () => {
  const identity = { channel: "SMS", identity: "+46700000001" };

  it("holds when every key of the argument is in the object with an equal value", () => {
    expect(applyMatcher(identity, { contains: { channel: "SMS" } })).toBe(true);
    expect(applyMatcher(identity, { contains: { channel: "SMS", identity: "+46700000001" } })).toBe(true);
    expect(applyMatcher(identity, { contains: {} })).toBe(true);
    // values compare as eq does: "3" and 3 agree
    expect(applyMatcher({ n: 3 }, { contains: { n: "3" } })).toBe(true);
  });

  it("compares nested mappings as subsets too, and lists by equality", () => {
    const contact = { id: "C1", channel_identities: [identity], language: { code: "EN_US", fallback: false } };
    expect(applyMatcher(contact, { contains: { language: { code: "EN_US" } } })).toBe(true);
    expect(applyMatcher(contact, { contains: { channel_identities: [identity] } })).toBe(true);
    expect(applyMatcher(contact, { contains: { channel_identities: [{ channel: "SMS" }] } })).toBe(false);
  });

  it("fails on a different value, a missing key, a non-object argument or a non-object value", () => {
    expect(applyMatcher(identity, { contains: { channel: "MMS" } })).toBe(false);
    expect(applyMatcher(identity, { contains: { channel: "SMS", app: "A" } })).toBe(false);
    expect(applyMatcher({ a: { b: 1 } }, { contains: { a: { b: 2 } } })).toBe(false);
    expect(applyMatcher({ a: { b: 1 } }, { contains: { a: 1 } })).toBe(false);
    // one meaning on objects (the schema's): a string is not a subset, so "has this key" is not what contains asks
    expect(applyMatcher(identity, { contains: "channel" })).toBe(false);
    expect(applyMatcher(identity, { contains: ["channel"] })).toBe(false);
    expect(applyMatcher(null, { contains: { channel: "SMS" } })).toBe(false);
    expect(applyMatcher(undefined, { contains: { channel: "SMS" } })).toBe(false);
  });
});

describe("eq on values nested deeper than recursion goes (a deep captured value)", () => {
  const deep = (depth: number, leaf: string) => JSON.parse('{"a":['.repeat(depth) + JSON.stringify(leaf) + "]}".repeat(depth));
  it("holds for equal values and fails on a difference at the bottom, without overflowing the stack", () => {
    expect(applyMatcher(deep(50_000, "x"), { eq: deep(50_000, "x") })).toBe(true);
    expect(applyMatcher(deep(50_000, "x"), { eq: deep(50_000, "y") })).toBe(false);
    expect(applyMatcher(deep(50_000, "x"), deep(49_999, "x"))).toBe(false);
  });
});
