import { schemaIdOf, schemaNameOf } from "../../contract";
import type { Contract } from "../../model";
import { EACH, type FieldPath } from "./field-path";

/** any base works: only the path part of a resolved URL is used */
const BASE = "https://schemas.invalid/";
/** keywords whose subschemas describe the same value as their parent */
const SAME_VALUE = ["allOf", "anyOf", "oneOf"] as const;

type SchemaNode = Record<string, unknown>;

/** One walk from one schema to the places where one entity appears. */
interface Walk {
  contract: Contract;
  entity: string;
  found: FieldPath[];
  /** schema name and pointer of every $ref being followed: a recursive schema stops here */
  following: Set<string>;
}

function isNode(v: unknown): v is SchemaNode {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function pointerTarget(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split("/").slice(1)) {
    if (!isNode(node)) return undefined;
    node = node[decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

function visit(w: Walk, schemaName: string, node: unknown, at: FieldPath): void {
  if (!isNode(node)) return;
  if (typeof node.$ref === "string") follow(w, schemaName, node.$ref, at);
  if (isNode(node.properties)) {
    for (const [key, sub] of Object.entries(node.properties)) visit(w, schemaName, sub, [...at, key]);
  }
  if (node.items !== undefined) visit(w, schemaName, node.items, [...at, EACH]);
  for (const keyword of SAME_VALUE) {
    const list = node[keyword];
    if (Array.isArray(list)) for (const sub of list) visit(w, schemaName, sub, at);
  }
  for (const keyword of ["then", "else"]) visit(w, schemaName, node[keyword], at);
}

function follow(w: Walk, fromName: string, ref: string, at: FieldPath): void {
  const hash = ref.indexOf("#");
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const pointer = hash < 0 ? "" : ref.slice(hash + 1);
  const name = file === "" ? fromName : schemaNameOf(new URL(file, BASE + schemaIdOf(fromName)).pathname.slice(1));
  if (name === w.entity && pointer === "") {
    w.found.push(at);
    return;
  }
  const key = `${name}#${pointer}`;
  if (w.following.has(key)) return;
  const doc = w.contract.schemaDocument?.(name);
  if (!doc) return;
  w.following.add(key);
  visit(w, name, pointer === "" ? doc : pointerTarget(doc, pointer), at);
  w.following.delete(key);
}

/**
 * Where an entity (a schema by canonical name, e.g. "contact") appears in the values of another schema, as field
 * paths: [] for the schema itself, ["contacts", EACH] in a contact list. Walks properties, items, all/any/oneOf and
 * $refs (also across files); each answer is computed once.
 */
export class EntityLocator {
  private readonly cache = new Map<string, FieldPath[]>();

  constructor(private readonly contract: Contract) {}

  /** The paths at which `entity` appears in a value of `schema` (both canonical names). */
  paths(schema: string, entity: string): FieldPath[] {
    const key = `${schema}\u0000${entity}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.locate(schema, entity);
      this.cache.set(key, found);
    }
    return found;
  }

  private locate(schema: string, entity: string): FieldPath[] {
    if (schema === entity) return [[]];
    const walk: Walk = { contract: this.contract, entity, found: [], following: new Set([`${schema}#`]) };
    visit(walk, schema, this.contract.schemaDocument?.(schema), []);
    const unique = new Map(walk.found.map((p) => [p.join("\u0000"), p]));
    return [...unique.values()];
  }
}
