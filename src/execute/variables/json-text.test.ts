import { toJsonText } from "./json-text";

/** A value nested `depth` levels: lists, or objects whose one member is the next level. */
function nested(depth: number, style: "list" | "object"): { value: unknown; text: string } {
  const text = style === "list" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + '"x"' + "}".repeat(depth);
  return { value: JSON.parse(text), text };
}

describe("toJsonText", () => {
  const shallow: unknown[] = [
    { a: 1, b: [true, null, "s\"q"], c: { d: undefined, e: () => 1 }, "k\n": 2.5 },
    [undefined, Symbol("s"), 1, "two"],
    new Date(0),
    { when: new Date(0), list: [] },
    "text",
  ];
  it.each(shallow)("writes what JSON.stringify writes: %p", (value) => {
    expect(toJsonText(value)).toBe(JSON.stringify(value));
  });

  it.each([
    [50_000, "list"],
    [50_000, "object"],
  ] as const)("writes a value %i levels deep (%s), which JSON.stringify cannot", (depth, style) => {
    const { value, text } = nested(depth, style);
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(toJsonText(value)).toBe(text);
  });

  it("writes a deep value's members, undefined ones as JSON.stringify would", () => {
    const inner = nested(30_000, "list").value;
    const value = { keep: 1, skip: undefined, list: [undefined, inner, "end"], deep: inner };
    const inside = "[".repeat(30_000) + "]".repeat(30_000);
    expect(toJsonText(value)).toBe(`{"keep":1,"list":[null,${inside},"end"],"deep":${inside}}`);
  });
});
