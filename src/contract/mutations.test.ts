import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadSchemaFiles } from "../load/schemas";
import { SINCH_PAYLOADS_DIR as FIXTURES } from "../testdata";
import { loadContract } from "./load-contract";
import { schemaIdOf } from "./names";

// Every mapped fixture, broken three ways, must fail: the schemas are strict where they claim to be.
const SCHEMAS = resolve(__dirname, "../../schemas");
const table = JSON.parse(readFileSync(join(__dirname, "fixture-table.json"), "utf8")) as Record<string, unknown>;
const mapped = Object.entries(table).filter((e): e is [string, string] => typeof e[1] === "string");
/** Schemas with no required field at all, so (a) and (b) cannot apply. */
const ALL_OPTIONAL: Record<string, string> = {
  "conversation-update-request": "a partial update: every field is optional and update_mask selects them",
};
const withRequired = mapped.filter(([, schema]) => !(schema in ALL_OPTIONAL));
const { contract } = loadContract(SCHEMAS);
const raw = new Map(loadSchemaFiles(SCHEMAS).schemas.map((s) => [s.id, s.schema]));

type Node = Record<string, unknown>;
type Path = (string | number)[];
interface Target {
  path: Path;
}
const BASE = "http://schemas.local/";

/** Follow $refs (relative to the file they are in) to the schema node that describes the data. */
function deref(node: Node, id: string): { node: Node; id: string } {
  let cur = { node, id };
  while (typeof cur.node.$ref === "string") {
    const url = new URL(cur.node.$ref, BASE + cur.id);
    const fileId = url.pathname.slice(1);
    let target: unknown = raw.get(fileId);
    for (const seg of url.hash.replace(/^#\/?/, "").split("/").filter(Boolean)) target = (target as Node)[seg];
    cur = { node: target as Node, id: fileId };
  }
  return cur;
}

const isObject = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);

/** Required keys present in data: from `required`, or the one kind key of an exactly-one-of schema. */
function requiredPresent(node: Node, data: Node): string | undefined {
  const req = Array.isArray(node.required) ? (node.required as string[]) : [];
  const kinds = Array.isArray(node.oneOf) ? (node.oneOf as Node[]).flatMap((b) => (b.required as string[]) ?? []) : [];
  return [...req, ...kinds].find((k) => k in data);
}

/** Children of a data node with the schema that describes each. */
function children(node: Node, data: unknown): [string | number, Node][] {
  if (Array.isArray(data)) return isObject(node.items) && data.length > 0 ? [[0, node.items]] : [];
  if (!isObject(data)) return [];
  const props = isObject(node.properties) ? node.properties : {};
  return Object.keys(data).flatMap((k): [string, Node][] => {
    const sub = isObject(props[k]) ? props[k] : isObject(node.additionalProperties) ? node.additionalProperties : undefined;
    return sub ? [[k, sub]] : [];
  });
}

/** Depth-first search for the first place `pick` accepts. */
function find(node0: Node, id0: string, data: unknown, pick: (n: Node, d: unknown) => Path | undefined, path: Path = []): Target | undefined {
  const { node, id } = deref(node0, id0);
  const here = pick(node, data);
  if (here) return { path: [...path, ...here] };
  for (const [key, sub] of children(node, data)) {
    const found = find(sub, id, (data as Node)[key as string], pick, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

const pickRequired = (n: Node, d: unknown): Path | undefined => {
  const k = isObject(d) ? requiredPresent(n, d) : undefined;
  return k === undefined ? undefined : [k];
};
const pickEnum = (n: Node, d: unknown): Path | undefined => (Array.isArray(n.enum) && typeof d === "string" ? [] : undefined);

function mutate(data: unknown, path: Path, change: (parent: Node, key: string | number) => void): unknown {
  const copy = structuredClone(data);
  let parent = copy as Node;
  for (const seg of path.slice(0, -1)) parent = parent[seg as string] as Node;
  change(parent, path[path.length - 1] as string | number);
  return copy;
}

function setup(file: string, schema: string): { data: unknown; root: Node; id: string } {
  const id = schemaIdOf(schema);
  return { data: JSON.parse(readFileSync(join(FIXTURES, file), "utf8")), root: raw.get(id) as Node, id };
}

describe("mutated fixtures fail validation", () => {
  it.each(mapped.filter(([, s]) => s in ALL_OPTIONAL))("%s has no required field in %s, as listed", (file, schema) => {
    const { data, root, id } = setup(file, schema);
    expect(find(root, id, data, pickRequired)).toBeUndefined();
  });

  it.each(withRequired)("%s without a required field fails %s", (file, schema) => {
    const { data, root, id } = setup(file, schema);
    const target = find(root, id, data, pickRequired);
    expect(target).toBeDefined();
    const broken = mutate(data, target!.path, (p, k) => delete p[k as string]);
    expect(contract.validate(schema, broken).valid).toBe(false);
  });

  it.each(withRequired)("%s with a required field of the wrong type fails %s", (file, schema) => {
    const { data, root, id } = setup(file, schema);
    const target = find(root, id, data, pickRequired);
    expect(target).toBeDefined();
    const broken = mutate(data, target!.path, (p, k) => {
      p[k as string] = typeof p[k as string] === "string" ? 12345 : "not the right type";
    });
    const check = contract.validate(schema, broken);
    expect(check.valid).toBe(false);
    expect(check.violations.some((v) => v.keyword === "type" || v.keyword === "oneOf")).toBe(true);
  });

  const withEnum = mapped.filter(([file, schema]) => {
    const { data, root, id } = setup(file, schema);
    return find(root, id, data, pickEnum) !== undefined;
  });

  it("finds an enum-valued field in most fixtures", () => {
    expect(withEnum.length).toBeGreaterThan(mapped.length / 2);
  });

  it.each(withEnum)("%s with an enum field set to NOT_A_REAL_VALUE fails %s", (file, schema) => {
    const { data, root, id } = setup(file, schema);
    const target = find(root, id, data, pickEnum)!;
    const broken = mutate(data, target.path, (p, k) => {
      (p as Record<string | number, unknown>)[k] = "NOT_A_REAL_VALUE";
    });
    const check = contract.validate(schema, broken);
    expect(check.valid).toBe(false);
    expect(check.violations.map((v) => v.keyword)).toContain("enum");
  });
});
