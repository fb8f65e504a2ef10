import type { Contract, OperationRef, SchemaCheck } from "../model";

/** Which operation a reply belongs to: its collection request id, or its method and URL path. */
export type ReplyOperation = string | { method: string; path: string };

/** Options of validateReply. */
export interface ValidateReplyOptions {
  /** drift (fields the schema does not name) fails the check too; default true */
  strict?: boolean;
}

/** The verdict on one reply. `ok` is false when no operation or no schema is known: unchecked is not passed. */
export interface ReplyCheck {
  ok: boolean;
  operation?: string;
  schema?: string;
  check?: SchemaCheck;
  /** why the reply failed, in one line */
  problem?: string;
}

function findOperation(contract: Contract, which: ReplyOperation): OperationRef | undefined {
  return typeof which === "string" ? contract.operationById(which) : contract.matchOperation(which.method, which.path);
}

function describe(which: ReplyOperation): string {
  return typeof which === "string" ? which : `${which.method.toUpperCase()} ${which.path}`;
}

function summarize(check: SchemaCheck, strict: boolean): string | undefined {
  const v = check.violations[0];
  if (v) return `${check.schema}: ${v.instancePath || "(root)"} ${v.message}`;
  const d = check.drift[0];
  return strict && d ? `${check.schema}: ${d.instancePath} is not named by the schema (drift)` : undefined;
}

/** Check a reply (status + parsed body) against the schema the operation map gives for its status. */
export function validateReply(
  contract: Contract,
  which: ReplyOperation,
  status: number,
  body: unknown,
  options: ValidateReplyOptions = {},
): ReplyCheck {
  const op = findOperation(contract, which);
  if (!op) return { ok: false, problem: `no operation known for ${describe(which)}` };
  const schema = contract.schemaForStatus(op, status);
  if (!schema) return { ok: false, operation: op.id, problem: `no schema known for ${op.id} status ${status}` };
  const check = contract.validate(schema, body);
  const problem = summarize(check, options.strict ?? true);
  const result: ReplyCheck = { ok: problem === undefined, operation: op.id, schema, check };
  if (problem !== undefined) result.problem = problem;
  return result;
}
