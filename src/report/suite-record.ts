import type { StepRecord, StepResult, SuiteRecord, SuiteResult } from "../model";
import { fingerprintDrift, fingerprintFailures, type Redactor } from "../diagnostics";
import { stepKey } from "../vocabulary/step-key";
import { withRedactedHeaders } from "./redact-result";

/**
 * A finished suite as results.json v2 records it: every step with its stable key, its operation (or null) and
 * fingerprints on its failures and drift; sensitive headers blanked by name (the writer redacts the text too).
 */
export function suiteRecordOf(suite: SuiteResult, tags: readonly string[], redactor: Redactor): SuiteRecord {
  const { steps, ...rest } = suite;
  return { ...rest, tags: [...tags], steps: steps.map((step) => stepRecordOf(suite.key, withRedactedHeaders(step, redactor))) };
}

function stepRecordOf(suiteKey: string, step: StepResult): StepRecord {
  const key = stepKey(suiteKey, step.phase, step.name);
  return {
    ...step, key, operationId: step.operationId ?? null,
    failures: fingerprintFailures(key, step.failures), drift: fingerprintDrift(key, step.drift),
  };
}
