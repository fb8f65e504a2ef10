import { fuzzValue } from "../testing/fuzz-values";
import { Random } from "../testing/random";
import { jsonCopy } from "./json-copy";

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value) as string) as unknown;

/** Every object and array inside a value, the value itself included. */
function containers(value: unknown, out: object[] = []): object[] {
  if (value === null || typeof value !== "object") return out;
  out.push(value);
  for (const v of Object.values(value)) containers(v, out);
  return out;
}

describe("jsonCopy, the handlers' deep copy [emulator-only]", () => {
  it("gives what a JSON round trip gives, sharing no object with the original, on generated JSON values", () => {
    const rnd = new Random(20261202);
    for (let i = 0; i < 2000; i++) {
      const value = fuzzValue(rnd, 4);
      const copied = jsonCopy(value);
      expect(copied).toStrictEqual(roundTrip(value));
      const originals = new Set(containers(value));
      expect(containers(copied).filter((c) => originals.has(c))).toEqual([]);
    }
  });

  it("drops, nulls and converts exactly as JSON does: undefined, functions, symbols, NaN, -0, Dates, toJSON", () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const value = {
      gone: undefined, fn: () => 1, sym: Symbol("s"), nan: NaN, inf: -Infinity, negZero: -0,
      list: [undefined, () => 1, Symbol("s"), NaN, -0, 1], sparse: [1, , 3],
      date: new Date(Date.UTC(2026, 11, 2)), custom: { toJSON: (key: string) => `as ${key}` }, point: new Point(2),
      listWithToJson: Object.assign([1, 2], { toJSON: () => "list" }),
      bare: Object.assign(Object.create(null) as object, { a: 1 }), boxed: [new String("s"), new Number(2), new Boolean(false)],
      "2": "integer keys first", a: { b: { c: [{}] } },
    };
    expect(jsonCopy(value)).toStrictEqual(roundTrip(value));
    expect(Object.keys(jsonCopy(value))).toEqual(Object.keys(roundTrip(value) as object));
    expect(Object.is((jsonCopy(value) as { negZero: number }).negZero, 0)).toBe(true);
  });

  it("keeps a __proto__ key as an own field, as JSON.parse does, without touching the prototype", () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const copied = jsonCopy(parsed);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.hasOwn(copied, "__proto__")).toBe(true);
    expect(copied).toStrictEqual(roundTrip(parsed));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps undefined as undefined and fails where the round trip fails", () => {
    expect(jsonCopy(undefined)).toBeUndefined();
    expect(() => jsonCopy(() => 1)).toThrow(SyntaxError);
    expect(() => jsonCopy({ n: 1n })).toThrow(TypeError);
    expect(jsonCopy("text")).toBe("text");
    expect(jsonCopy(null)).toBeNull();
  });
});
