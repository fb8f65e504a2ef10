import type { CheckFailure, Contract, StepResult } from "../../model";
import { checkBody, checkDuration, checkHeaders, checkStatus } from "../assertions";
import { checkPayload, type ParsedBody } from "../check-payload";
import type { HttpRequest, HttpResponse } from "../http";
import type { VariableScope } from "../variables";
import type { CompiledRequestStep } from "./compile-request-step";

/** What every response of a request step is checked against. */
export interface ResponseCheckInput {
  c: CompiledRequestStep;
  contract: Contract;
  strict: boolean;
  req: HttpRequest;
  res: HttpResponse;
  body: ParsedBody;
  scope: VariableScope;
}

/** Status, schema (always), headers, body matchers and duration; failures and drift go to the result. */
export function checkResponse(input: ResponseCheckInput, result: StepResult): void {
  const { c, res, body, scope } = input;
  const out = result.failures;
  const status = checkStatus(c.expect.status, res.status);
  if (status) out.push(status);
  checkSchema(input, result);
  if (c.expect.headers.length > 0 || c.expect.body.length > 0) {
    const r = scope.resolver(c.templateVars);
    checkHeaders(c.expect.headers, res.headers, r, out);
    if (body.notJson === undefined) checkBody(c.expect.body, body.json, r, out);
  }
  const slow = checkDuration(c.expect.maxDurationMs, res.durationMs);
  if (slow) out.push(slow);
}

/** Check the body against its schema: expect.schema, else the operation's schema for the status. */
export function checkSchema(input: ResponseCheckInput, result: StepResult): void {
  const { contract, strict, body } = input;
  checkPayload({ contract, strict, body, schema: schemaFor(input), what: "body" }, result);
}

/** The schema a response is due to match: expect.schema, else the operation's for this status; or a no-schema failure. */
function schemaFor(input: ResponseCheckInput): string | CheckFailure {
  const { c, contract, req, res } = input;
  if (c.schemaWritten !== undefined) {
    return c.schema ?? { kind: "no-schema", message: `expect.schema "${c.schemaWritten}" is not a known schema` };
  }
  const op = c.operation ?? contract.matchOperation(c.method, pathnameOf(req.url));
  if (!op) return { kind: "no-schema", message: `no operation of the contract matches ${c.method} ${pathnameOf(req.url)}` };
  const schema = contract.schemaForStatus(op, res.status);
  return schema ?? { kind: "no-schema", message: `operation ${op.id} declares no schema for status ${res.status}` };
}

function pathnameOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const q = url.indexOf("?", start);
  return url.slice(start, q < 0 ? undefined : q);
}

/**
 * Store captures (an indefinite path captures its first match); a path that finds nothing fails the step
 * (unless the step already failed its status).
 */
export function capture(c: CompiledRequestStep, json: unknown, scope: VariableScope, result: StepResult, statusOk: boolean): void {
  for (const [name, path] of c.captures) {
    const value = path.first(json);
    if (value !== undefined) scope.captures.set(name, value);
    else if (statusOk) {
      result.failures.push({ kind: "capture", path: path.path, message: `found nothing in the response to capture as ${name}` });
    }
  }
}

