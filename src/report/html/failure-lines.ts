import type { CheckFailure, SourcePos, Step, StepResult } from "../../model";

/*
 * Which line of the suite file a failed check points at: the expectation that did not hold ("expect.status",
 * "expect.body.$.id", "callback.within_ms"...), found in the step's field positions; the step's own line when the
 * check has no line of its own (a missing schema, a tool error).
 */

/** The lines of a step's suite file that its failures point at, in order, without repeats; never empty. */
export function failureLines(result: StepResult, step: Step | undefined): number[] {
  const lines = result.failures.map((f) => (step ? fieldLine(step, fieldsOf(step, f)) : undefined) ?? result.line);
  return lines.length > 0 ? [...new Set(lines)] : [result.line];
}

function fieldLine(step: Step, fields: string[]): number | undefined {
  for (const field of fields) {
    const pos: SourcePos | undefined = step.fieldPos[`${field}#key`] ?? step.fieldPos[field];
    if (pos) return pos.line;
  }
  return undefined;
}

/** Field paths that may hold the expectation a failure is about, most precise first. */
function fieldsOf(step: Step, failure: CheckFailure): string[] {
  const path = failure.path ?? "";
  switch (failure.kind) {
    case "status": return ["expect.status"];
    case "schema": case "no-schema": case "not-json": return ["expect.schema", "request", "url"];
    case "header": return [`expect.headers.${headerField(step, path)}`, "expect.headers"];
    case "body": return step.kind === "callback" ? [`callback.match.${path}`, "callback.match"] : [`expect.body.${path}`, "expect.body"];
    case "duration": return ["expect.max_duration_ms"];
    case "retry": return ["retry.until", "retry"];
    case "capture": return [`capture.${captureName(step, path)}`, "capture"];
    case "callback": return ["callback.within_ms", "callback.trigger", "callback"];
    case "signature": return ["callback.signed", "callback"];
    default: return [];
  }
}

/** The header name as the suite spells it (a failure may carry it lower-cased). */
function headerField(step: Step, name: string): string {
  if (step.kind !== "request") return name;
  return Object.keys(step.expect.headers).find((h) => h.toLowerCase() === name.toLowerCase()) ?? name;
}

/** The capture variable whose JSONPath (or name) a capture failure names. */
function captureName(step: Step, path: string): string {
  if (path in step.capture) return path;
  return Object.entries(step.capture).find(([, jsonPath]) => jsonPath === path)?.[0] ?? path;
}
