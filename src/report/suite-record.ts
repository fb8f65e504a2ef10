import type { Exchange, StepRecord, StepResult, SuiteRecord, SuiteResult } from "../model";
import { fingerprintDrift, fingerprintFailures, type Redactor } from "../diagnostics";
import { stepKey } from "../vocabulary/step-key";

/** A finished suite as results.json v2 records it: step keys and fingerprints added, tags from the suite file. */
export function toSuiteRecord(result: SuiteResult, tags: readonly string[]): SuiteRecord {
  return { ...suiteRecordHead(result, tags), steps: result.steps.map((step) => toStepRecord(result.key, step)) };
}

/** A suite record but its steps, its keys in the record's order (`steps` comes last). */
export function suiteRecordHead(result: SuiteResult, tags: readonly string[]): Omit<SuiteRecord, "steps"> {
  const { steps: _steps, ...suite } = result;
  return { ...suite, tags: [...tags] };
}

/** One step as results.json v2 records it: its key and fingerprints added. */
export function toStepRecord(suiteKey: string, step: StepResult): StepRecord {
  const key = stepKey(suiteKey, step.phase, step.name);
  // null means "not known"; a step that knows its operation brings its own operationId in the spread
  return { operationId: null, ...step, key, failures: fingerprintFailures(key, step.failures), drift: fingerprintDrift(key, step.drift) };
}

/**
 * A suite record as JSON with secrets replaced, as every report writes it: sensitive headers blanked by name,
 * then one redactor pass over the text (the redactor knows the JSON-escaped forms, so the JSON stays valid).
 */
export function redactedRecordJson(record: SuiteRecord, redactor: Redactor): string {
  return redactor.redact(JSON.stringify(withBlankedHeaders(record, redactor)));
}

/** The record with its exchanges' sensitive headers blanked by name (the results writer redacts the text after). */
export function withBlankedHeaders(record: SuiteRecord, redactor: Redactor): SuiteRecord {
  const steps = record.steps.map((s) => withBlankedStepHeaders(s, redactor));
  return { ...record, steps };
}

/** One step record with its exchange's sensitive headers blanked by name. */
export function withBlankedStepHeaders(step: StepRecord, redactor: Redactor): StepRecord {
  return step.exchange ? { ...step, exchange: redactExchangeHeaders(step.exchange, redactor) } : step;
}

function redactExchangeHeaders(ex: Exchange, redactor: Redactor): Exchange {
  const request = { ...ex.request, headers: redactor.redactHeaders(ex.request.headers) as Record<string, string> };
  if (!ex.response) return { request };
  return { request, response: { ...ex.response, headers: redactor.redactHeaders(ex.response.headers) as Record<string, string> } };
}
