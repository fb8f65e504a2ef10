import type { Exchange, RunResult, StepResult, SuiteResult } from "../model";
import type { Redactor } from "../diagnostics";

function redactExchange(ex: Exchange, redactor: Redactor): Exchange {
  const request = { ...ex.request, headers: redactor.redactHeaders(ex.request.headers) as Record<string, string> };
  const response = ex.response ? { ...ex.response, headers: redactor.redactHeaders(ex.response.headers) as Record<string, string> } : undefined;
  return { request, ...(response ? { response } : {}) };
}

function withRedactedHeaders(step: StepResult, redactor: Redactor): StepResult {
  return step.exchange ? { ...step, exchange: redactExchange(step.exchange, redactor) } : step;
}

/** A record as reports show it: the redactor over its JSON text (parsed back only when something was replaced). */
function redactRecord<T>(record: T, redactor: Redactor): T {
  const text = JSON.stringify(record);
  const redacted = redactor.redact(text);
  return redacted === text ? record : (JSON.parse(redacted) as T);
}

/** One step as every report shows it: auth headers blanked, then secrets anywhere else replaced. */
export function redactStep(step: StepResult, redactor: Redactor): StepResult {
  return redactRecord(withRedactedHeaders(step, redactor), redactor);
}

/** A suite's own fields (name, file, key...) as every report shows them; its steps go through redactStep. */
export function redactSuiteFields(suite: SuiteResult, redactor: Redactor): Omit<SuiteResult, "steps"> {
  const { steps: _steps, ...fields } = suite;
  return redactRecord(fields, redactor);
}

const cache = new WeakMap<RunResult, { redactor: Redactor; text: string; value?: RunResult }>();

/**
 * The run result as JSON text with secrets, tokens and auth headers replaced. Sensitive headers are blanked by
 * name first; then one pass of the redactor over the whole text catches secrets anywhere else (the redactor
 * also knows their JSON-escaped forms, and "[REDACTED]" keeps the JSON valid). Cached per result and redactor,
 * so the JUnit and JSON reporters of one run redact once.
 */
export function redactResultText(result: RunResult, redactor: Redactor): string {
  const hit = cache.get(result);
  if (hit && hit.redactor === redactor) return hit.text;
  const headersDone: RunResult = {
    ...result,
    suites: result.suites.map((s) => (s.steps.some((st) => st.exchange) ? { ...s, steps: s.steps.map((st) => withRedactedHeaders(st, redactor)) } : s)),
  };
  const text = redactor.redact(JSON.stringify(headersDone));
  cache.set(result, { redactor, text });
  return text;
}

/** The run result as every report shows it: secrets, tokens and auth headers replaced. */
export function redactResult(result: RunResult, redactor: Redactor): RunResult {
  const text = redactResultText(result, redactor);
  const entry = cache.get(result)!;
  entry.value ??= JSON.parse(text) as RunResult;
  return entry.value;
}
