import type { AuthMode, Contract, OperationRef, RequestStep, RequestTemplate, Suite } from "../../model";
import {
  compileBodyChecks, compileExpectation, compilePath, compileStatus,
  type CompiledBodyChecks, type CompiledExpectation, type CompiledPath, type CompiledStatus,
} from "../assertions";
import { isIdempotent } from "../http";
import { compileJson, compileText, type CompiledJson, type CompiledText } from "../variables";

/** A request body split once. */
export type CompiledBody =
  | { kind: "json"; json: CompiledJson }
  | { kind: "text"; text: CompiledText }
  | { kind: "form"; pairs: Array<[string, CompiledText]> };

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

/** Compile a request step against its collection request (if any) and the contract. */
export function compileRequestStep(step: RequestStep, suite: Suite, requests: Map<string, RequestTemplate>,
  contract: Contract): CompiledRequestStep {
  const template = step.request ? requests.get(step.request) : undefined;
  if (step.request && !template) throw new Error(`unknown collection request "${step.request}"`);
  const method = (step.method ?? template?.method ?? "GET").toUpperCase();
  const rawUrl = step.url ?? template?.url ?? "";
  const headers = mergeHeaders(template?.headers ?? {}, step.headers);
  const explicitAuth = Object.keys(step.headers ?? {}).some((h) => h.toLowerCase() === "authorization");
  const body = compileBody(step, template);
  const contentType = body && defaultContentType(body, template);
  if (contentType && !headers.some(([n]) => n === "content-type")) headers.push(["content-type", compileText(contentType)]);
  const written = step.expect.schema;
  return {
    label: step.request ?? `${method} ${rawUrl}`,
    method, url: compileText(rawUrl),
    query: mergeQuery(template?.query ?? [], step.query),
    headers: headers.filter(([name]) => explicitAuth || name !== "authorization"),
    body,
    templateVars: nonEmpty(template?.variables),
    auth: explicitAuth ? "none" : (step.auth ?? (!template || template.auth === "bearer" ? suite.auth : template.auth)),
    idempotent: isIdempotent(method, rawUrl),
    expect: compileExpectation(step.expect),
    captures: Object.entries(step.capture).map(([name, path]) => [name, compilePath(path)]),
    poll: step.retry && {
      status: step.retry.until.status === undefined ? undefined : compileStatus(step.retry.until.status),
      body: compileBodyChecks(step.retry.until.body), attempts: step.retry.attempts, delayMs: step.retry.delayMs,
    },
    operation: step.request ? contract.operationById(step.request) : undefined,
    schema: written ? contract.resolveSchemaName(written) : undefined,
    schemaWritten: written,
  };
}

function mergeHeaders(base: Record<string, string>, over: Record<string, string>): Array<[string, CompiledText]> {
  const merged = new Map<string, string>();
  for (const [k, v] of Object.entries(base)) merged.set(k.toLowerCase(), v);
  for (const [k, v] of Object.entries(over ?? {})) merged.set(k.toLowerCase(), String(v));
  return [...merged].map(([k, v]) => [k, compileText(v)]);
}

function mergeQuery(base: Array<[string, string]>, over: Record<string, unknown>): Array<[string, CompiledText]> {
  const overKeys = new Set(Object.keys(over ?? {}));
  const out: Array<[string, CompiledText]> = base.filter(([k]) => !overKeys.has(k)).map(([k, v]) => [k, compileText(v)]);
  for (const [k, v] of Object.entries(over ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item !== undefined && item !== null) out.push([k, compileText(typeof item === "object" ? JSON.stringify(item) : String(item))]);
    }
  }
  return out;
}

function compileBody(step: RequestStep, template: RequestTemplate | undefined): CompiledBody | undefined {
  if (step.body !== undefined) return { kind: "json", json: compileJson(step.body) };
  const body = template?.body;
  if (!body) return undefined;
  if (body.mode === "json") return { kind: "json", json: compileJson(body.json) };
  if (body.mode === "raw") return { kind: "text", text: compileText(body.raw) };
  return { kind: "form", pairs: Object.entries(body.form).map(([k, v]) => [k, compileText(v)]) };
}

function defaultContentType(body: CompiledBody, template: RequestTemplate | undefined): string | undefined {
  if (body.kind === "json") return "application/json";
  if (body.kind === "form") return "application/x-www-form-urlencoded";
  return template?.body?.mode === "raw" ? template.body.contentType : undefined;
}

function nonEmpty(vars: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!vars) return undefined;
  const kept = Object.entries(vars).filter(([, v]) => v !== "" && v !== undefined && v !== null);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
