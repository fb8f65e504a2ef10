import { loadOwnContract } from "../contract-loader";
import type { Contract } from "../../model";
import { EntityLocator } from "./entity-paths";
import { convertTo } from "./field-edits";
import { EACH, editAt, formatFieldPath, parseFieldPath } from "./field-path";

describe("where an entity appears [emulator-only]", () => {
  const locator = new EntityLocator(loadOwnContract());
  const where = (schema: string, entity: string) => locator.paths(schema, entity).map(formatFieldPath).sort();

  it("follows properties, items and $refs across files, callbacks included", () => {
    expect(where("contact", "contact")).toEqual([""]);
    expect(where("contact-list", "contact")).toEqual(["contacts[]"]);
    expect(where("callbacks/contact-create", "contact")).toEqual(["contact_create_notification.contact"]);
    expect(where("contact", "channel-identity")).toEqual(["channel_identities[]"]);
    expect(where("app", "contact")).toEqual([]);
    expect(where("error", "contact")).toEqual([]);
  });

  it("stops at recursive schemas and answers for schemas it does not know", () => {
    const schemas: Record<string, Record<string, unknown>> = {
      tree: { properties: { children: { type: "array", items: { $ref: "tree.schema.json" } }, leaf: { $ref: "#/$defs/leaf" } }, $defs: { leaf: { $ref: "leaf.schema.json" } } },
      leaf: { type: "object" },
    };
    const fake = { schemaDocument: (name: string) => schemas[name] } as unknown as Contract;
    const local = new EntityLocator(fake);
    expect(local.paths("tree", "leaf").map(formatFieldPath)).toEqual(["leaf"]);
    expect(local.paths("missing", "leaf")).toEqual([]);
  });
});

describe("field paths [emulator-only]", () => {
  it("parse names, [] and [*] steps, with or without $.", () => {
    expect(parseFieldPath("email")).toEqual(["email"]);
    expect(parseFieldPath("$.channel_identities[*].channel")).toEqual(["channel_identities", EACH, "channel"]);
    expect(parseFieldPath("a[][].b")).toEqual(["a", EACH, EACH, "b"]);
    for (const bad of ["", "$", "a..b", "a[]", "a[0].b", "a.[].b", `${"a.".repeat(40)}a`]) expect(typeof parseFieldPath(bad)).toBe("string");
  });

  it("edit every object they reach, and nothing else", () => {
    const body = { list: [{ x: 1 }, { y: 2 }, "text", { x: 3 }], x: 0 };
    const path = parseFieldPath("list[].x") as string[];
    expect(editAt(body, path, (parent, key) => Object.hasOwn(parent, key) && delete parent[key])).toBe(2);
    expect(body).toEqual({ list: [{}, { y: 2 }, "text", {}], x: 0 });
  });

  it("convert values to every JSON type", () => {
    expect(convertTo("42", "number")).toBe(42);
    expect(convertTo("ab", "number")).toBe(2);
    expect(convertTo("4.5", "integer")).toBe(4);
    expect(convertTo(5, "string")).toBe("5");
    expect(convertTo("", "boolean")).toBe(false);
    expect(convertTo("a", "object")).toEqual({ value: "a" });
    expect(convertTo("a", "array")).toEqual(["a"]);
    expect(convertTo("a", "null")).toBeNull();
  });
});
