import { suiteFacts, type Redactor } from "../diagnostics";
import type { CheckFailure, Exchange, Plan, StepResult } from "../model";

const MAX_BODY = 4096;

/** A body as a report shows it: redacted first, then cut to a few KB (so no secret is cut in two and shown in part). */
export function reportBody(redactor: Redactor, body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  const shown = redactor.redact(body);
  return shown.length > MAX_BODY ? `${shown.slice(0, MAX_BODY)}… (${body.length} chars)` : shown;
}

/** The structure of a JSON or form body, or of a URL's query, so the redactor can learn what sits under secret-like keys. */
function structureOf(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    if (/^\s*[[{]/.test(text)) return JSON.parse(text);
    const query = text.includes("?") && /^https?:/.test(text) ? new URL(text).search : text;
    return text.includes("=") ? Object.fromEntries(new URLSearchParams(query)) : undefined;
  } catch {
    return undefined;
  }
}

/** Teach the redactor what an exchange holds under secret-like keys: in its URL, headers and bodies. */
function learnExchange(redactor: Redactor, input: ExchangeInput): void {
  const { request, response } = input;
  for (const part of [request.url, request.body, response?.body]) redactor.learn(structureOf(part));
  redactor.learn(request.headers);
  if (response) redactor.learn(response.headers);
}

/** What an exchange is built from: the request as sent and the response, if one came. */
export interface ExchangeInput {
  request: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body?: string };
  response?: { status: number; headers: Record<string, string | string[] | undefined>; body?: string };
}

/** The exchange of a step that did not pass, with headers and bodies redacted (after learning the secrets they hold). */
export function buildExchange(redactor: Redactor, input: ExchangeInput): Exchange {
  learnExchange(redactor, input);
  const { request, response } = input;
  const exchange: Exchange = {
    request: { method: request.method, url: redactor.redact(request.url), headers: flatHeaders(redactor, request.headers),
      body: reportBody(redactor, request.body) },
  };
  if (response) {
    exchange.response = { status: response.status, headers: flatHeaders(redactor, response.headers), body: reportBody(redactor, response.body) };
  }
  return exchange;
}

function flatHeaders(redactor: Redactor, headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(redactor.redactHeaders(headers))) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

/** Scrub what a failed step reports (messages quote body values, which may hold secrets). */
export function redactResult(redactor: Redactor, result: StepResult): void {
  for (const f of result.failures) redactFailure(redactor, f);
  if (result.error) result.error.message = redactor.redact(result.error.message);
  for (const a of result.attempts) if (a.error) a.error = redactor.redact(a.error);
}

function redactFailure(redactor: Redactor, f: CheckFailure): void {
  f.message = redactor.redact(f.message);
  if (f.expected !== undefined) f.expected = redactor.redact(f.expected);
  if (f.actual !== undefined) f.actual = redactor.redact(f.actual);
  for (const v of f.violations ?? []) {
    v.message = redactor.redact(v.message);
    if (v.actual !== undefined) v.actual = redactor.redact(v.actual);
  }
}

/**
 * Teach the redactor the values captured under a secret-like name or by a secret-like path, in any spelling
 * (`TOKEN: $.x`, `X: $['access_token']`, `X: $..access_token`).
 */
export function learnCaptures(redactor: Redactor, captures: Array<[string, { path: string }]>, valueOf: (name: string) => unknown): void {
  for (const [name, { path }] of captures) {
    const value = valueOf(name);
    if (value !== undefined) redactor.learn({ [name]: value, [path]: value });
  }
}

/** Teach the redactor what the run's inputs hold under secret-like keys: the suites as written (when there are suites), --var and the environment files' values. */
export function learnRunInputs(redactor: Redactor, inputs: { plan?: Plan; runVariables?: Record<string, string>; regionVariables?: Record<string, Record<string, string>> }): void {
  redactor.learn([inputs.runVariables, inputs.regionVariables]);
  for (const item of inputs.plan?.items ?? []) {
    redactor.learnSecrets(suiteFacts(item.suite).writtenSecrets);
  }
}
