import type { CheckFailure, Contract, Exchange, StepResult } from "../../model";
import { checkPayload, parseBody } from "../../execute/check-payload";
import type { RequestEvent } from "./newman-library";

/** Where a collection request's step points: the collection file (at its top; steps of a collection have no line of their own yet). */
export interface StepSource {
  file: string;
  line: number;
  column: number;
}

/**
 * "Folder/Name", the request id suites use for the same request (the bridge gives every item that id before the run),
 * or for a request a script sent with pm.sendRequest (an item without a name) "pm.sendRequest Contacts/Create contact".
 */
export function requestId(event: RequestEvent, contract: Contract): string {
  const { item, request } = event;
  if (item.name) return item.id ?? item.name;
  const method = request.method.toUpperCase();
  const path = new URL(request.url.toString()).pathname;
  return `pm.sendRequest ${contract.matchOperation(method, path)?.id ?? `${method} ${path}`}`;
}

/**
 * One request newman sent, as a step: the response is checked against the contract (the operation the method and
 * path match, its schema for the status; no schema is a failure), or the step is an error when no response came.
 */
export function stepOfRequest(event: RequestEvent, error: Error | null, ctx: { contract: Contract; strict: boolean; name: string; at: StepSource }): StepResult {
  const { request, response } = event;
  const method = request.method.toUpperCase();
  const url = request.url.toString();
  const path = new URL(url).pathname;
  const step: StepResult = {
    name: ctx.name, phase: "steps", ...ctx.at, outcome: "passed", request: requestId(event, ctx.contract), durationMs: response?.responseTime ?? 0,
    attempts: [{ ...(response ? { status: response.code } : {}), durationMs: response?.responseTime ?? 0 }], flaky: false, failures: [], drift: [], method,
  };
  if (!response || error) {
    return { ...step, outcome: "error", error: { code: "CC_NETWORK_ERROR", message: error?.message ?? "no response" }, exchange: exchangeOf(event) };
  }
  const op = ctx.contract.matchOperation(method, path);
  const schema: string | CheckFailure = !op
    ? { kind: "no-schema", message: `no operation of the contract matches ${method} ${path}` }
    : ctx.contract.schemaForStatus(op, response.code) ?? { kind: "no-schema", message: `operation ${op.id} declares no schema for status ${response.code}` };
  const checked: StepResult = { ...step, status: response.code, ...(op ? { operationId: op.id, pathTemplate: op.path } : {}) };
  checkPayload({ contract: ctx.contract, strict: ctx.strict, schema, body: parseBody(response.text()), what: "body" }, checked);
  if (checked.failures.length === 0) return checked;
  return { ...checked, outcome: "failed", exchange: exchangeOf(event) };
}

/** The request and response of a step that did not pass (reports redact its headers and secrets). */
function exchangeOf({ request, response }: RequestEvent): Exchange {
  const sent = { method: request.method.toUpperCase(), url: request.url.toString(), headers: request.headers.toObject(), ...(request.body ? { body: request.body.toString() } : {}) };
  if (!response) return { request: sent };
  return { request: sent, response: { status: response.code, headers: response.headers.toObject(), body: response.text() } };
}
