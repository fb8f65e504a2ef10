import { badField } from "../errors";

/** Longest string an admin body may carry in a field (paths, messages, ids). */
const MAX_STRING = 2048;

/** Bounds of an integer field. */
interface IntegerRule {
  min: number;
  max: number;
}

/**
 * One admin JSON body, read field by field: every wrong type, value out of range or unknown field is a 400
 * naming the field, so no admin input ever reaches the emulator's state unchecked.
 */
export class AdminInput {
  private readonly fields: Record<string, unknown>;

  /** `prefix` names the object in messages ("action." for a nested one); `allowed` lists every field it may have. */
  constructor(body: unknown, allowed: readonly string[], private readonly prefix = "") {
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      throw badField(prefix.replace(/\.$/, "") || "body", `${prefix.replace(/\.$/, "") || "the body"} must be a JSON object`);
    }
    this.fields = body as Record<string, unknown>;
    const unknown = Object.keys(this.fields).find((k) => !allowed.includes(k));
    if (unknown !== undefined) {
      throw badField(this.name(unknown.slice(0, 100)), `unknown field; allowed: ${allowed.join(", ")}`);
    }
  }

  /** Whether the body has the field (with any value). */
  has(field: string): boolean {
    return Object.hasOwn(this.fields, field);
  }

  /** The raw value of a field (for values of any JSON type). */
  raw(field: string): unknown {
    return this.fields[field];
  }

  /** A required non-empty string. */
  string(field: string): string {
    const v = this.optionalString(field);
    if (v === undefined) throw badField(this.name(field), `${field} is required`);
    return v;
  }

  /** A non-empty string when present. */
  optionalString(field: string): string | undefined {
    const v = this.fields[field];
    if (v === undefined) return undefined;
    if (typeof v !== "string") throw badField(this.name(field), `${field} must be a string`);
    if (v === "") throw badField(this.name(field), `${field} must not be empty`);
    if (v.length > MAX_STRING) throw badField(this.name(field), `${field} must be at most ${MAX_STRING} characters`);
    return v;
  }

  /** One of a fixed list of strings when present. */
  optionalEnum<T extends string>(field: string, values: readonly T[]): T | undefined {
    const v = this.optionalString(field);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) throw badField(this.name(field), `${field} must be one of ${values.join(", ")}`);
    return v as T;
  }

  /** One of a fixed list of strings. */
  enum<T extends string>(field: string, values: readonly T[]): T {
    const v = this.optionalEnum(field, values);
    if (v === undefined) throw badField(this.name(field), `${field} is required (one of ${values.join(", ")})`);
    return v;
  }

  /** A required integer within bounds. */
  integer(field: string, rule: IntegerRule): number {
    const v = this.optionalInteger(field, rule);
    if (v === undefined) throw badField(this.name(field), `${field} is required`);
    return v;
  }

  /** An integer within bounds when present. */
  optionalInteger(field: string, rule: IntegerRule): number | undefined {
    const v = this.fields[field];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v) || v < rule.min || v > rule.max) {
      throw badField(this.name(field), `${field} must be an integer from ${rule.min} to ${rule.max}`);
    }
    return v;
  }

  /** `true` when present (a flag such as {drop: true}); any other value is a 400. */
  flag(field: string): boolean {
    const v = this.fields[field];
    if (v === undefined) return false;
    if (v !== true) throw badField(this.name(field), `${field} must be true when given`);
    return true;
  }

  /** A nested object, read with its own allowed fields. */
  object(field: string, allowed: readonly string[]): AdminInput {
    if (this.fields[field] === undefined) throw badField(this.name(field), `${field} is required`);
    return new AdminInput(this.fields[field], allowed, `${this.prefix}${field}.`);
  }

  private name(field: string): string {
    return `${this.prefix}${field}`;
  }
}
