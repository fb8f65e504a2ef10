import type { Contract, OperationRef } from "../../model";
import type { GLOBAL_TOKEN_SCOPE, Region } from "../../vocabulary/regions";
import { isFieldChange, type ApiChange, type FieldChange, type OperationChange } from "./api-change";
import { EntityLocator } from "./entity-paths";
import { fieldEdit } from "./field-edits";
import { editAt, parseFieldPath, type FieldPath } from "./field-path";
import { parseChange } from "./parse-change";

/** What the operation changes do to one request before its handler runs. */
export interface OperationEffects {
  /** the operation is gone: answer as an unknown route */
  removed: boolean;
  /** wait this long first */
  latencyMs: number;
  /** answer with this status (and message) instead */
  status?: { status: number; message?: string };
}

/** One reply or callback body on its way out. */
export interface OutgoingBody {
  region: Region;
  /** the schema the contract gives the body (undefined: none, so only operation-wide field changes apply) */
  schema: string | undefined;
  /** the operation of a reply; undefined for a callback */
  op?: OperationRef;
  status: number;
  body: unknown;
}

/** A registered field change with its parsed path and the places it applies in each schema, computed once. */
interface FieldRule {
  change: FieldChange;
  field: FieldPath;
  bySchema: Map<string, FieldPath[]>;
}

const NONE: OperationEffects = { removed: false, latencyMs: 0 };

/**
 * The API changes registered through the admin API: a simulated new release, applied to every matching reply
 * (and, for entity changes, callback) until removed or reset.
 */
export class ChangeRegistry {
  private operationChanges: OperationChange[] = [];
  private fieldRules: FieldRule[] = [];
  private readonly locator: EntityLocator;

  constructor(private readonly contract: Contract) {
    this.locator = new EntityLocator(contract);
  }

  /** No change registered (the fast path of every request). */
  get empty(): boolean {
    return this.operationChanges.length === 0 && this.fieldRules.length === 0;
  }

  /** Validate and register a change; a 400 ApiError for a bad one. */
  add(body: unknown): ApiChange {
    const change = parseChange(this.contract, body);
    if (isFieldChange(change)) this.fieldRules.push({ change, field: parseFieldPath(change.field) as FieldPath, bySchema: new Map() });
    else this.operationChanges.push(change);
    return change;
  }

  /** Every registered change, oldest first. */
  list(): ApiChange[] {
    return [...this.operationChanges, ...this.fieldRules.map((r) => r.change)].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** Remove one change; false when no change has that id. */
  remove(id: string): boolean {
    const before = this.operationChanges.length + this.fieldRules.length;
    this.operationChanges = this.operationChanges.filter((c) => c.id !== id);
    this.fieldRules = this.fieldRules.filter((r) => r.change.id !== id);
    return this.operationChanges.length + this.fieldRules.length < before;
  }

  /** Remove every change. */
  clear(): void {
    this.operationChanges = [];
    this.fieldRules = [];
  }

  /** What the operation changes do to a request of `operationId` in `region` (latencies add up; the newest status wins); the global token endpoint gets the changes of every region. */
  effects(operationId: string, region: Region | typeof GLOBAL_TOKEN_SCOPE): OperationEffects {
    if (this.operationChanges.length === 0) return NONE;
    const out: OperationEffects = { removed: false, latencyMs: 0 };
    for (const c of this.operationChanges) {
      if (c.operation !== operationId || (c.region && c.region !== region)) continue;
      c.hits += 1;
      if (c.kind === "remove-operation") out.removed = true;
      else if (c.kind === "latency") out.latencyMs += c.latency_ms;
      else out.status = { status: c.status, ...(c.message === undefined ? {} : { message: c.message }) };
    }
    return out;
  }

  /** The body with every matching field change applied: a changed copy, or the body itself when nothing applies. */
  applyToBody(out: OutgoingBody): { body: unknown; changed: boolean } {
    let copy: unknown;
    let edits = 0;
    for (const rule of this.fieldRules) {
      const paths = this.pathsOf(rule, out);
      if (paths.length === 0) continue;
      copy ??= structuredClone(out.body);
      let ruleEdits = 0;
      for (const path of paths) ruleEdits += editAt(copy, path, fieldEdit(rule.change));
      if (ruleEdits > 0) rule.change.hits += 1;
      edits += ruleEdits;
    }
    return edits > 0 ? { body: copy, changed: true } : { body: out.body, changed: false };
  }

  /** The full field paths a rule edits in this body: the entity's places (in this operation's replies) plus the field. */
  private pathsOf(rule: FieldRule, out: OutgoingBody): FieldPath[] {
    const c = rule.change;
    if (c.region && c.region !== out.region) return [];
    if (c.operation !== undefined && c.operation !== out.op?.id) return [];
    if (c.entity === undefined) return out.status < 400 ? [rule.field] : [];
    if (out.schema === undefined) return [];
    let paths = rule.bySchema.get(out.schema);
    if (!paths) {
      paths = this.locator.paths(out.schema, c.entity).map((at) => [...at, ...rule.field]);
      rule.bySchema.set(out.schema, paths);
    }
    return paths;
  }
}
