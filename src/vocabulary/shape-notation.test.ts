import { elementPath, formatShapeType, keyPath, parentPath, parseShapeType } from "./shape-notation";

describe("shape notation", () => {
  it("finds the parent of every kind of segment", () => {
    expect(parentPath("$")).toBeUndefined();
    expect(parentPath("$.a")).toBe("$");
    expect(parentPath("$.contacts[].channel_identities[].channel")).toBe("$.contacts[].channel_identities[]");
    expect(parentPath("$.contacts[]")).toBe("$.contacts");
    expect(parentPath("$['a.b']")).toBe("$");
    expect(parentPath("$['it\\'s'].x")).toBe("$['it\\'s']");
    expect(parentPath("$.x['it\\'s]']")).toBe("$.x");
  });

  it("round-trips keys written by keyPath", () => {
    for (const key of ["plain", "with space", "dot.ted", "quote'd", "back\\slash", "]['", "", "9lives"]) {
      const path = keyPath(elementPath(keyPath("$", "list")), key);
      expect(parentPath(path)).toBe("$.list[]");
    }
  });

  it("refuses what is not in the notation", () => {
    expect(parentPath("contacts.id")).toBeUndefined();
    expect(parentPath("$..id")).toBeUndefined();
    expect(parentPath("$['open")).toBeUndefined();
  });

  it("formats and parses type sets", () => {
    expect(formatShapeType(["string", "null", "string"], true)).toBe("null|string?");
    expect(parseShapeType("null|string?")).toEqual({ types: ["null", "string"], optional: true });
    expect(parseShapeType("object")).toEqual({ types: ["object"], optional: false });
  });
});
