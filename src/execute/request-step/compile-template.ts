import type { RequestTemplate } from "../../model";
import { isIdempotent } from "../http";
import { compileJson, compileText, type CompiledJson, type CompiledText } from "../variables";

/** A request body split once. */
export type CompiledBody =
  | { kind: "json"; json: CompiledJson }
  /** a step's own JSON body: rendered in one pass when sent (it is usually sent once) */
  | { kind: "value"; value: unknown }
  | { kind: "text"; text: CompiledText }
  | { kind: "form"; pairs: Array<[string, CompiledText]> };

/** The parts of a collection request, split once and shared by every step that uses it. */
export interface CompiledTemplate {
  method: string;
  url: CompiledText;
  idempotent: boolean;
  query: Array<[string, CompiledText]>;
  /** lower-case names; the collection's Authorization is dropped (the runner applies auth) */
  headers: Array<[string, CompiledText]>;
  body?: CompiledBody;
  contentType?: string;
  /** collection/folder variables with a value */
  variables?: Record<string, string>;
}

const templates = new WeakMap<RequestTemplate, CompiledTemplate>();

/** The compiled form of a collection request (cached per template object). */
export function compileTemplate(t: RequestTemplate): CompiledTemplate {
  let c = templates.get(t);
  if (c) return c;
  const method = t.method.toUpperCase();
  const body = compileTemplateBody(t);
  c = {
    method, url: compileText(t.url), idempotent: isIdempotent(method, t.url),
    query: t.query.map(([k, v]) => [k, compileText(v)]),
    headers: Object.entries(t.headers).filter(([k]) => k.toLowerCase() !== "authorization").map(([k, v]) => [k.toLowerCase(), compileText(v)]),
    body,
    contentType: body?.kind === "json" ? "application/json" : body?.kind === "form" ? "application/x-www-form-urlencoded"
      : t.body?.mode === "raw" ? t.body.contentType : undefined,
    variables: nonEmpty(t.variables),
  };
  templates.set(t, c);
  return c;
}

function compileTemplateBody(t: RequestTemplate): CompiledBody | undefined {
  const body = t.body;
  if (!body) return undefined;
  if (body.mode === "json") return { kind: "json", json: compileJson(body.json) };
  if (body.mode === "raw") return { kind: "text", text: compileText(body.raw) };
  return { kind: "form", pairs: Object.entries(body.form).map(([k, v]) => [k, compileText(v)]) };
}

function nonEmpty(vars: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!vars) return undefined;
  const kept = Object.entries(vars).filter(([, v]) => v !== "" && v !== undefined && v !== null);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
