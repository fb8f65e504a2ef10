import type { RequestBodyTemplate, RequestStep, RequestTemplate, Step } from "../model";

/** One {{NAME}} found in a step, and the field it was found in (a fieldPos key). */
export interface VariableUse {
  name: string;
  field: string;
  /** set when the use sits in the collection request, not in the suite */
  fromRequest?: string;
}

const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Names used in one string. */
export function variablesIn(text: string): string[] {
  return text.includes("{{") ? [...text.matchAll(VARIABLE)].map((m) => m[1] as string) : [];
}

/** Every variable in a value (strings and keys, deeply), with the dotted path it sits at. */
function collect(value: unknown, field: string, uses: VariableUse[], extra: Partial<VariableUse> = {}): void {
  if (typeof value === "string") {
    for (const name of variablesIn(value)) uses.push({ name, field, ...extra });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${field}.${i}`, uses, extra));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      for (const name of variablesIn(key)) uses.push({ name, field: `${field}.${key}#key`, ...extra });
      collect(item, `${field}.${key}`, uses, extra);
    }
  }
}

function bodyValue(body: RequestBodyTemplate | undefined): unknown {
  if (!body) return undefined;
  if (body.mode === "json") return body.json;
  if (body.mode === "raw") return body.raw;
  return body.form;
}

/** What the step inherits from its collection request (what it does not override). */
function requestUses(step: RequestStep, template: RequestTemplate, uses: VariableUse[]): void {
  const extra = { fromRequest: template.id };
  collect(template.url, "request", uses, extra);
  for (const [key, value] of template.query) if (!(key in step.query)) collect(value, "request", uses, extra);
  const own = new Set(Object.keys(step.headers).map((h) => h.toLowerCase()));
  for (const [key, value] of Object.entries(template.headers)) if (!own.has(key.toLowerCase())) collect(value, "request", uses, extra);
  if (step.body === undefined) collect(bodyValue(template.body), "request", uses, extra);
}

/** Every {{VARIABLE}} a step uses, in its own fields and in its collection request. */
export function variableUses(step: Step, requests: Map<string, RequestTemplate>): VariableUse[] {
  const uses: VariableUse[] = [];
  if (step.kind === "callback") {
    collect(step.callback.match, "callback.match", uses);
    return uses;
  }
  if (step.url !== undefined) collect(step.url, "url", uses);
  collect(step.query, "query", uses);
  collect(step.headers, "headers", uses);
  if (step.body !== undefined) collect(step.body, "body", uses);
  collect(step.expect.headers, "expect.headers", uses);
  collect(step.expect.body, "expect.body", uses);
  if (step.retry?.until.body) collect(step.retry.until.body, "retry.until.body", uses);
  const template = step.request === undefined ? undefined : requests.get(step.request);
  if (template) requestUses(step, template, uses);
  return uses;
}
