import type { CallbackStep, RequestStep } from "../model";
import { didYouMeanHint, makeDiagnostic } from "../diagnostics";
import { fieldAt, stepLabel, type SuiteCheck } from "./context";

/** The step names its request one way: a collection request or method + url, never both or neither. */
export function checkRequestSource(check: SuiteCheck, step: RequestStep): void {
  const inline = step.method !== undefined || step.url !== undefined;
  if (step.request !== undefined && inline) {
    const field = step.method !== undefined ? "method#key" : "url#key";
    check.out.push(makeDiagnostic("CC_REQUEST_AND_INLINE", `${stepLabel(step)} has both \`request\` and an inline \`${step.method !== undefined ? "method" : "url"}\``, fieldAt(step, field)));
  } else if (step.request === undefined && (step.method === undefined || step.url === undefined)) {
    check.out.push(makeDiagnostic("CC_NO_REQUEST", `${stepLabel(step)} says neither which collection request to send nor method and url`, step.pos));
  }
}

/** A `request:` must name a request of the collection. */
export function checkKnownRequest(check: SuiteCheck, step: RequestStep): void {
  if (step.request === undefined || check.ctx.requests.has(step.request)) return;
  const hint = didYouMeanHint(step.request, check.ctx.requests.keys());
  check.out.push(makeDiagnostic("CC_UNKNOWN_REQUEST", `unknown collection request "${step.request}"`, fieldAt(step, "request"), hint));
}

/** `expect.schema` must name a schema of the contract. */
export function checkKnownSchema(check: SuiteCheck, step: RequestStep): void {
  const name = step.expect.schema;
  if (name === undefined || check.ctx.contract.resolveSchemaName(name) !== undefined) return;
  const hint = didYouMeanHint(name, check.ctx.contract.schemaNames());
  check.out.push(makeDiagnostic("CC_UNKNOWN_SCHEMA", `unknown schema "${name}"`, fieldAt(step, "expect.schema"), hint));
}

/** The known triggers, from the callback schemas: callbacks/message-delivery -> MESSAGE_DELIVERY. */
function knownTriggers(check: SuiteCheck): string[] {
  return check.ctx.contract
    .schemaNames()
    .filter((n) => n.startsWith("callbacks/"))
    .map((n) => n.slice("callbacks/".length).replace(/-/g, "_").toUpperCase());
}

/** A callback's trigger must have a callback schema. */
export function checkKnownTrigger(check: SuiteCheck, step: CallbackStep): void {
  const trigger = step.callback.trigger;
  if (check.ctx.contract.callbackSchema(trigger) !== undefined) return;
  const hint = didYouMeanHint(trigger, knownTriggers(check));
  check.out.push(makeDiagnostic("CC_UNKNOWN_TRIGGER", `unknown callback trigger "${trigger}"`, fieldAt(step, "callback.trigger"), hint));
}
