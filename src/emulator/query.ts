import { badField } from "./errors";

/** The parsed query string: repeated keys become arrays. */
export type Query = Record<string, string | string[] | undefined>;

/** The single value of a query parameter (the last one if repeated). */
export function one(q: Query, name: string): string | undefined {
  const v = q[name];
  if (Array.isArray(v)) return v[v.length - 1];
  return v === "" ? undefined : v;
}

/** page_size with its default and maximum; out of range is a 400. */
export function pageSize(q: Query, def: number, max: number): number {
  const raw = one(q, "page_size");
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) return failInt("page_size", raw);
  if (n > max) throw badField("page_size", `page_size must be at most ${max}`);
  return n === 0 ? def : n;
}

function failInt(name: string, raw: string): never {
  throw badField(name, `'${raw}' is not a valid integer`);
}

/** A boolean parameter ("true"/"false"), default when absent. */
export function bool(q: Query, name: string, def: boolean): boolean {
  const raw = one(q, name);
  if (raw === undefined) return def;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw badField(name, `'${raw}' is not a valid boolean`);
}

/** An enum parameter; an unknown value is a 400. */
export function enumParam<T extends string>(q: Query, name: string, values: readonly T[]): T | undefined {
  const raw = one(q, name);
  if (raw === undefined) return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw badField(name, `'${raw}' is not one of ${values.join(", ")}`);
  }
  return raw as T;
}

/** An RFC 3339 timestamp parameter as epoch ms. */
export function timeParam(q: Query, name: string): number | undefined {
  const raw = one(q, name);
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw badField(name, `'${raw}' is not an RFC 3339 timestamp`);
  return t;
}

/**
 * The update mask in either form clients send: `update_mask=a,b` or repeated `update_mask.paths=a`.
 * Undefined means "no mask": update the fields present in the body.
 */
export function updateMask(q: Query): string[] | undefined {
  const paths: string[] = [];
  for (const key of ["update_mask", "update_mask.paths", "updateMask"]) {
    const v = q[key];
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    for (const item of list) paths.push(...item.split(",").map((s) => s.trim()).filter(Boolean));
  }
  return paths.length ? paths : undefined;
}

/** What applyMask needs: the stored object, the request body, the mask and the updatable fields. */
export interface MaskUpdate<T extends object> {
  target: T;
  patch: Record<string, unknown>;
  mask: string[] | undefined;
  allowed: readonly string[];
  /** value a masked field takes when the body leaves it out (otherwise it is removed) */
  defaults?: Record<string, unknown>;
}

/** Apply a field mask (dotted paths count by their first segment), or without a mask the fields present. */
export function applyMask<T extends object>(u: MaskUpdate<T>): void {
  const fields = u.mask ? [...new Set(u.mask.map((p) => p.split(".")[0] ?? p))] : Object.keys(u.patch);
  const rec = u.target as Record<string, unknown>;
  for (const f of fields) {
    if (!u.allowed.includes(f)) {
      if (u.mask) throw badField("update_mask", `field '${f}' cannot be updated`);
      continue;
    }
    if (f in u.patch) rec[f] = u.patch[f];
    else if (u.defaults && f in u.defaults) rec[f] = structuredClone(u.defaults[f]);
    else delete rec[f];
  }
}
