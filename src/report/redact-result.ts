import type { Exchange, RunResult } from "../model";
import type { Redactor } from "../diagnostics";

/** A deep copy of a value with every string passed through the redactor. */
function redactDeep(value: unknown, redactor: Redactor): unknown {
  if (typeof value === "string") return redactor.redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redactor));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redactor)]));
  }
  return value;
}

function redactExchange(ex: Exchange, redactor: Redactor): Exchange {
  const request = { ...ex.request, headers: redactor.redactHeaders(ex.request.headers) };
  const response = ex.response ? { ...ex.response, headers: redactor.redactHeaders(ex.response.headers) } : undefined;
  return redactDeep({ request, ...(response ? { response } : {}) }, redactor) as Exchange;
}

/** The run result as every report shows it: secrets, tokens and auth headers replaced. */
export function redactResult(result: RunResult, redactor: Redactor): RunResult {
  const withHeaders: RunResult = {
    ...result,
    suites: result.suites.map((s) => ({
      ...s,
      steps: s.steps.map((step) => (step.exchange ? { ...step, exchange: redactExchange(step.exchange, redactor) } : step)),
    })),
  };
  return redactDeep(withHeaders, redactor) as RunResult;
}
