import type { LoadedSchema } from "../load/schemas";
import { createContract } from "./contract";

const S = "https://json-schema.org/draft/2020-12/schema";
function schema(id: string, body: Record<string, unknown>): LoadedSchema {
  return { file: `/virtual/${id}`, id, schema: { $schema: S, $id: id, ...body } };
}

const schemas = [
  schema("pet.schema.json", {
    type: "object",
    properties: { name: { type: "string" }, tag: { $ref: "tag.schema.json" } },
    required: ["name"],
  }),
  schema("tag.schema.json", { type: "object", properties: { label: { type: "string" } }, required: ["label"] }),
  schema("kind.schema.json", {
    type: "object",
    properties: { common: { type: "string" } },
    oneOf: [
      { properties: { cat: { type: "object", properties: { meow: { type: "boolean" } } } }, required: ["cat"] },
      { properties: { dog: { type: "object" } }, required: ["dog"] },
    ],
  }),
  schema("both.schema.json", {
    allOf: [{ $ref: "tag.schema.json" }, { properties: { extra: { type: "integer" } } }],
  }),
  schema("map.schema.json", { type: "object", additionalProperties: { $ref: "tag.schema.json" } }),
  schema("free.schema.json", { type: "object", properties: { meta: { type: "object", additionalProperties: true } } }),
  schema("callbacks/wrap.schema.json", { type: "object", properties: { pet: { $ref: "../pet.schema.json" } } }),
];
const contract = createContract({ schemas, operations: { operations: {} } });
const driftOf = (name: string, data: unknown): string[] => contract.validate(name, data).drift.map((d) => d.instancePath);

describe("drift", () => {
  it("reports no drift when every field is named", () => {
    expect(driftOf("pet", { name: "a", tag: { label: "x" } })).toEqual([]);
  });

  it("is not looked for with drift: false (a request check), which changes nothing else", () => {
    const data = { name: "a", color: "red", tag: { label: "x", size: 2 } };
    expect(contract.validate("pet", data).drift).not.toEqual([]);
    expect(contract.validate("pet", data, { drift: false })).toEqual({ ...contract.validate("pet", data), drift: [] });
    const invalid = { color: "red" };
    expect(contract.validate("pet", invalid, { drift: false })).toEqual(contract.validate("pet", invalid));
  });

  it("reports an unknown field at the root and in a $ref'd object", () => {
    const check = contract.validate("pet", { name: "a", color: "red", tag: { label: "x", size: 2 } });
    expect(check.valid).toBe(true);
    expect(check.drift).toEqual([
      { instancePath: "/color", schema: "pet" },
      { instancePath: "/tag/size", schema: "pet" },
    ]);
  });

  it("does not call a field of the matched oneOf branch drift, but does flag fields of the other branch", () => {
    expect(driftOf("kind", { common: "c", cat: { meow: true } })).toEqual([]);
    expect(driftOf("kind", { cat: { meow: true, purr: 1 } })).toEqual(["/cat/purr"]);
  });

  it("sees fields named by every allOf branch, including a $ref'd one", () => {
    expect(driftOf("both", { label: "x", extra: 1 })).toEqual([]);
    expect(driftOf("both", { label: "x", extra: 1, other: true })).toEqual(["/other"]);
  });

  it("checks the values of a map and leaves free-form objects alone", () => {
    expect(driftOf("map", { a: { label: "x" }, b: { label: "y", z: 1 } })).toEqual(["/b/z"]);
    expect(driftOf("free", { meta: { anything: 1 } })).toEqual([]);
  });

  it("follows relative $refs out of a sub folder", () => {
    expect(driftOf("callbacks/wrap", { pet: { name: "a", mood: "ok" } })).toEqual(["/pet/mood"]);
  });

  it("escapes JSON pointer characters in drifted names", () => {
    expect(driftOf("pet", { name: "a", "a/b~c": 1 })).toEqual(["/a~1b~0c"]);
  });

  it("does not look for drift in an invalid body", () => {
    const check = contract.validate("pet", { color: "red" });
    expect(check.valid).toBe(false);
    expect(check.drift).toEqual([]);
  });
});
