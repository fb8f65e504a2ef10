import type { Contract } from "../../model";
import { REGIONS } from "../../vocabulary/regions";
import { AdminInput } from "../admin/admin-input";
import { badField } from "../errors";
import { newId } from "../ids";
import { CHANGE_KINDS, JSON_TYPES, type ApiChange, type FieldChange, type OperationChange } from "./api-change";
import { parseFieldPath } from "./field-path";

const FIELDS: Record<ApiChange["kind"], readonly string[]> = {
  "drop-field": ["entity", "operation", "field"],
  "add-field": ["entity", "operation", "field", "value"],
  "change-type": ["entity", "operation", "field", "to"],
  status: ["operation", "status", "message"],
  latency: ["operation", "latency_ms"],
  "remove-operation": ["operation"],
};

/** A minute: longer would only hold a test run hostage. */
const MAX_LATENCY_MS = 60_000;

function operationId(contract: Contract, input: AdminInput, required: boolean): string | undefined {
  const id = required ? input.string("operation") : input.optionalString("operation");
  if (id !== undefined && !contract.operationById(id)) {
    throw badField("operation", `no operation "${id.slice(0, 200)}" in the contract; use an operation id such as "Contacts/Get contact"`);
  }
  return id;
}

function entityName(contract: Contract, input: AdminInput): string | undefined {
  const raw = input.optionalString("entity");
  if (raw === undefined) return undefined;
  const name = contract.resolveSchemaName(raw);
  if (!name) throw badField("entity", `no schema "${raw.slice(0, 200)}" in the contract; use a schema name such as "contact"`);
  return name;
}

function fieldChange(contract: Contract, input: AdminInput, base: { id: string; hits: number; region?: ApiChange["region"] }): FieldChange {
  const entity = entityName(contract, input);
  const operation = operationId(contract, input, false);
  if (entity === undefined && operation === undefined) throw badField("entity", "a field change needs an entity, an operation, or both");
  const field = input.string("field");
  const path = parseFieldPath(field);
  if (typeof path === "string") throw badField("field", path);
  const target = { ...base, field, ...(entity === undefined ? {} : { entity }), ...(operation === undefined ? {} : { operation }) };
  const kind = input.enum("kind", ["drop-field", "add-field", "change-type"] as const);
  if (kind === "drop-field") return { ...target, kind };
  if (kind === "change-type") return { ...target, kind, to: input.enum("to", JSON_TYPES) };
  if (!input.has("value")) throw badField("value", "value is required: the JSON value the added field takes");
  return { ...target, kind, value: input.raw("value") };
}

function operationChange(contract: Contract, input: AdminInput, base: { id: string; hits: number; region?: ApiChange["region"] }): OperationChange {
  const operation = operationId(contract, input, true) as string;
  const kind = input.enum("kind", ["status", "latency", "remove-operation"] as const);
  if (kind === "remove-operation") return { ...base, kind, operation };
  if (kind === "latency") return { ...base, kind, operation, latency_ms: input.integer("latency_ms", { min: 0, max: MAX_LATENCY_MS }) };
  const message = input.optionalString("message");
  return { ...base, kind, operation, status: input.integer("status", { min: 200, max: 599 }), ...(message === undefined ? {} : { message }) };
}

/** Validate a POST /_emulator/changes body into a change (a 400 naming the field for anything wrong). */
export function parseChange(contract: Contract, body: unknown): ApiChange {
  const kind = new AdminInput(body, ["kind", ...new Set(Object.values(FIELDS).flat()), "region"]).enum("kind", CHANGE_KINDS);
  const input = new AdminInput(body, ["kind", "region", ...FIELDS[kind]]);
  const region = input.optionalEnum("region", REGIONS);
  const base = { id: newId(), hits: 0, ...(region === undefined ? {} : { region }) };
  return kind === "drop-field" || kind === "add-field" || kind === "change-type"
    ? fieldChange(contract, input, base)
    : operationChange(contract, input, base);
}
