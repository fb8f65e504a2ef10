import type { CheckFailure, Contract, StepResult } from "../model";

/** A body parsed once: the JSON value, or why it is not JSON. */
export interface ParsedBody {
  json: unknown;
  notJson?: string;
}

/** Parse a body as JSON (every API response is JSON, DELETE included: `{}`). */
export function parseBody(text: string): ParsedBody {
  if (text.length === 0) return { json: undefined, notJson: "the body is empty" };
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { json: undefined, notJson: `the body is not JSON: ${JSON.stringify(text.slice(0, 80))}${text.length > 80 ? "…" : ""}` };
  }
}

/** What one payload (a response body or a callback) is checked with. */
export interface PayloadCheck {
  contract: Contract;
  /** --strict: fields the schema does not name fail the step instead of being drift */
  strict: boolean;
  /** the schema the payload is due to match, or the no-schema failure that says why it has none */
  schema: string | CheckFailure;
  body: ParsedBody;
  /** what the payload is, for messages: "body" or "callback" */
  what: string;
}

/**
 * Check a payload against its schema, the same way for responses and callbacks: no schema is a failure
 * (nothing goes unchecked), violations fail, unknown fields are drift, and --strict fails on drift.
 */
export function checkPayload(check: PayloadCheck, result: StepResult): void {
  const { schema, body } = check;
  if (typeof schema !== "string") {
    result.failures.push(schema);
    return;
  }
  if (body.notJson !== undefined) {
    result.failures.push({ kind: "not-json", schema, message: `expected JSON for schema ${schema}: ${body.notJson}` });
    return;
  }
  const outcome = check.contract.validate(schema, body.json);
  if (!outcome.valid) {
    const n = outcome.violations.length;
    result.failures.push({ kind: "schema", schema, message: `the ${check.what} does not match schema ${schema} (${n} violation${n === 1 ? "" : "s"})`,
      violations: outcome.violations });
  }
  if (outcome.drift.length === 0) return;
  result.drift.push(...outcome.drift);
  if (check.strict) {
    const fields = outcome.drift.map((d) => d.instancePath).join(", ");
    result.failures.push({ kind: "schema", schema, message: `fields not in schema ${schema} (--strict): ${fields.slice(0, 300)}` });
  }
}
