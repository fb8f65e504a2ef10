import type { SourcePos } from "../model";
import { compactPositions, type PositionShapes } from "./field-positions";

const at = (line: number, column: number, file = "suites/a.yaml"): SourcePos => ({ file, line, column });

describe("compactPositions", () => {
  const record = { name: at(3, 11), "name#key": at(3, 5), "expect.status": at(90_000, 4_000_000) };

  it("reads, lists, serialises and compares like the record it was made from", () => {
    const packed = compactPositions({ ...record }, "suites/a.yaml", new Map());
    expect(packed).not.toBe(record);
    expect(packed["name"]).toEqual(at(3, 11));
    expect(packed["expect.status"]).toEqual(at(90_000, 4_000_000));
    expect(packed["nope"]).toBeUndefined();
    expect("name#key" in packed).toBe(true);
    expect("nope" in packed).toBe(false);
    expect(Object.keys(packed)).toEqual(Object.keys(record));
    expect(JSON.parse(JSON.stringify(packed))).toEqual(record);
    expect(packed).toEqual(record);
    expect(record).toEqual(packed);
    expect({ ...packed }).toEqual(record);
  });

  it("shares one list of paths among the steps of one shape", () => {
    const shapes: PositionShapes = new Map();
    compactPositions({ ...record }, "suites/a.yaml", shapes);
    compactPositions({ name: at(8, 1), "name#key": at(8, 2), "expect.status": at(9, 1) }, "suites/a.yaml", shapes);
    compactPositions({ name: at(8, 1) }, "suites/a.yaml", shapes);
    expect([...shapes.values()]).toEqual([["name", "name#key", "expect.status"], ["name"]]);
  });

  it("is read-only", () => {
    const packed = compactPositions({ ...record }, "suites/a.yaml", new Map());
    expect(() => {
      "use strict";
      packed["name"] = at(1, 1);
    }).toThrow(TypeError);
    expect(packed["name"]).toEqual(at(3, 11));
  });

  it("keeps a record with a position in another file, or too far right, as it is", () => {
    const other = { name: at(1, 1, "suites/b.yaml") };
    expect(compactPositions(other, "suites/a.yaml", new Map())).toBe(other);
    const wide = { name: at(1, 2 ** 22) };
    expect(compactPositions(wide, "suites/a.yaml", new Map())).toBe(wide);
  });
});
