import type { CheckFailure, SourcePos, Step } from "../model";

/*
 * Which key of a suite file a failed check is about: the expectation that did not hold ("expect.status",
 * "expect.body.$.id", "capture.CONTACT", "callback.within_ms"...), as a field path of the step's fieldPos. The
 * runner stamps each failure with that position, and the HTML report marks those lines.
 */

/** Where the expectation a failure is about is written (its key), or undefined when the check has no line of its own. */
export function expectationPos(step: Step, failure: CheckFailure): SourcePos | undefined {
  for (const field of expectationFields(step, failure)) {
    const pos = step.fieldPos[`${field}#key`] ?? step.fieldPos[field];
    if (pos) return pos;
  }
  return undefined;
}

/** Field paths that may hold the expectation a failure is about, most precise first. */
function expectationFields(step: Step, failure: CheckFailure): string[] {
  const path = failure.path ?? "";
  switch (failure.kind) {
    case "status": return ["expect.status"];
    case "schema": case "no-schema": case "not-json": return ["expect.schema", "request", "url"];
    case "header": return [`expect.headers.${headerField(step, path)}`, "expect.headers"];
    case "body": return step.kind === "callback" ? [`callback.match.${path}`, "callback.match"] : [`expect.body.${path}`, "expect.body"];
    case "duration": return ["expect.max_duration_ms"];
    case "retry": return [`retry.until.body.${path}`, "retry.until.status", "retry.until", "retry"];
    case "capture": return [`capture.${captureName(step, path)}`, "capture"];
    case "callback": return step.kind === "callback" ? [`callback.match.${path}`, "callback.within_ms", "callback.trigger", "callback"] : [];
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
