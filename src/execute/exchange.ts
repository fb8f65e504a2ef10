import type { Redactor } from "../diagnostics";
import type { CheckFailure, Exchange, StepResult } from "../model";

const MAX_BODY = 4096;
const ACCESS_TOKEN = /("access_token"\s*:\s*")[^"]*(")/g;

/** A body as a report shows it: secrets and access_token values replaced, cut to a few KB. */
export function reportBody(redactor: Redactor, body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  const cut = body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}… (${body.length} chars)` : body;
  return redactor.redact(cut.includes("access_token") ? cut.replace(ACCESS_TOKEN, "$1[REDACTED]$2") : cut);
}

/** What an exchange is built from: the request as sent and the response, if one came. */
export interface ExchangeInput {
  request: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body?: string };
  response?: { status: number; headers: Record<string, string | string[] | undefined>; body?: string };
}

/** The exchange of a step that did not pass, with headers and bodies redacted. */
export function buildExchange(redactor: Redactor, input: ExchangeInput): Exchange {
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
