import type { AuthMode, Contract, OperationRef, RequestStep, RequestTemplate, Suite } from "../../model";
import {
  compileBodyChecks, compileExpectation, compilePath, compileStatus,
  type CompiledBodyChecks, type CompiledExpectation, type CompiledPath, type CompiledStatus,
} from "../assertions";
import { isIdempotent } from "../http";
import { compileText, type CompiledText } from "../variables";
import { compileTemplate, type CompiledBody, type CompiledTemplate } from "./compile-template";

export type { CompiledBody } from "./compile-template";

/** Everything about a request step that does not change between sends, worked out once. */
export interface CompiledRequestStep {
  label: string;
  method: string;
  url: CompiledText;
  query: Array<[string, CompiledText]>;
  headers: Array<[string, CompiledText]>;
  body?: CompiledBody;
  templateVars?: Record<string, string>;
  auth: AuthMode;
  idempotent: boolean;
  expect: CompiledExpectation;
  captures: Array<[string, CompiledPath]>;
  poll?: { status?: CompiledStatus; body: CompiledBodyChecks; attempts: number; delayMs: number };
  /** the operation of a collection request (inline requests are matched per send) */
  operation?: OperationRef;
  /** expect.schema resolved to its canonical name; `schemaWritten` when it does not resolve */
  schema?: string;
  schemaWritten?: string;
}

const NO_TEMPLATE: CompiledTemplate = { method: "GET", url: compileText(""), idempotent: true, query: [], headers: [] };

/** Compile a request step: the collection request's parts are shared, only the step's overrides are new. */
export function compileRequestStep(step: RequestStep, suite: Suite, requests: Map<string, RequestTemplate>,
  contract: Contract): CompiledRequestStep {
  const template = templateOf(step, requests);
  const t = template ? compileTemplate(template) : NO_TEMPLATE;
  const method = step.method ? step.method.toUpperCase() : t.method;
  const body: CompiledBody | undefined = step.body === undefined ? t.body : ownBody(step.body);
  const written = step.expect.schema;
  return {
    label: step.request ?? `${method} ${step.url ?? ""}`,
    method,
    url: step.url !== undefined ? compileText(step.url) : t.url,
    query: isEmpty(step.query) ? t.query : mergeQuery(t.query, step.query),
    headers: withContentType(isEmpty(step.headers) ? t.headers : mergeHeaders(t.headers, step.headers), body, t),
    body,
    templateVars: t.variables,
    auth: authOf(step, suite, template),
    idempotent: idempotentOf(step, method, t, template),
    expect: compileExpectation(step.expect),
    captures: Object.entries(step.capture).map(([name, path]) => [name, compilePath(path)]),
    poll: step.retry && compilePoll(step.retry),
    operation: step.request ? contract.operationById(step.request) : undefined,
    schema: written ? contract.resolveSchemaName(written) : undefined,
    schemaWritten: written,
  };
}

function templateOf(step: RequestStep, requests: Map<string, RequestTemplate>): RequestTemplate | undefined {
  if (!step.request) return undefined;
  const template = requests.get(step.request);
  if (!template) throw new Error(`unknown collection request "${step.request}"`);
  return template;
}

/** An Authorization header written in the step wins; then the step's auth; then the collection's, unless it is the default bearer. */
function authOf(step: RequestStep, suite: Suite, template: RequestTemplate | undefined): AuthMode {
  if (hasKey(step.headers, "authorization")) return "none";
  if (step.auth) return step.auth;
  return !template || template.auth === "bearer" ? suite.auth : template.auth;
}

/** A step that changes the method or URL is judged on its own; otherwise the collection request's verdict stands. */
function idempotentOf(step: RequestStep, method: string, t: CompiledTemplate, template: RequestTemplate | undefined): boolean {
  if (step.url === undefined && !step.method) return t.idempotent;
  return isIdempotent(method, step.url ?? template?.url ?? "");
}

function compilePoll(retry: NonNullable<RequestStep["retry"]>): NonNullable<CompiledRequestStep["poll"]> {
  return {
    status: retry.until.status === undefined ? undefined : compileStatus(retry.until.status),
    body: compileBodyChecks(retry.until.body), attempts: retry.attempts, delayMs: retry.delayMs,
  };
}

function isEmpty(obj: object | undefined): boolean {
  for (const _ in obj) return false;
  return true;
}

function hasKey(obj: Record<string, unknown> | undefined, lower: string): boolean {
  for (const k in obj) if (k.toLowerCase() === lower) return true;
  return false;
}

function mergeHeaders(base: Array<[string, CompiledText]>, over: Record<string, string>): Array<[string, CompiledText]> {
  const merged = new Map(base);
  for (const [k, v] of Object.entries(over)) merged.set(k.toLowerCase(), compileText(String(v)));
  return [...merged];
}

/** A string is the request's bytes as written (malformed JSON included); anything else is sent as JSON. */
function ownBody(body: unknown): CompiledBody {
  return typeof body === "string" ? { kind: "text", text: compileText(body) } : { kind: "value", value: body };
}

/** The step's own body is JSON unless a header says otherwise; the collection's keeps its type. */
function withContentType(headers: Array<[string, CompiledText]>, body: CompiledBody | undefined, t: CompiledTemplate): Array<[string, CompiledText]> {
  const type = body === undefined ? undefined : body === t.body ? t.contentType : "application/json";
  if (!type || headers.some(([n]) => n === "content-type")) return headers;
  return [...headers, ["content-type", compileText(type)]];
}

function mergeQuery(base: Array<[string, CompiledText]>, over: Record<string, unknown>): Array<[string, CompiledText]> {
  const out = base.filter(([k]) => !(k in over));
  for (const [k, v] of Object.entries(over)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item !== undefined && item !== null) out.push([k, compileText(typeof item === "object" ? JSON.stringify(item) : String(item))]);
    }
  }
  return out;
}
