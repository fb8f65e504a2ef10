import type { CallbackStep, CheckFailure, StepResult } from "../../model";
import { checkBody, compileBodyChecks, compilePath, type CompiledBodyChecks, type CompiledPath } from "../assertions";
import { checkPayload } from "../check-payload";
import { buildExchange, learnCaptures, redactResult } from "../exchange";
import { newResult, setError, settle, skippedResult, stepLabel } from "../step-result";
import { noteShape } from "../step-facts";
import type { SuiteRun } from "../suite-run";
import { resolveValue } from "../variables";
import type { ReceivedCallback } from "./receiver";
import { timeoutFailure } from "./explain-timeout";
import { verifySignature } from "./signature";
import { TRIGGER_KEYS } from "./triggers";

interface CompiledCallbackStep {
  payloadKey?: string;
  match: CompiledBodyChecks;
  captures: Array<[string, CompiledPath]>;
}

const compiledSteps = new WeakMap<CallbackStep, CompiledCallbackStep>();

function compiled(step: CallbackStep): CompiledCallbackStep {
  let c = compiledSteps.get(step);
  if (!c) {
    c = {
      payloadKey: TRIGGER_KEYS[step.callback.trigger.toUpperCase()],
      match: compileBodyChecks(step.callback.match),
      captures: Object.entries(step.capture).map(([name, path]) => [name, compilePath(path)]),
    };
    compiledSteps.set(step, c);
  }
  return c;
}

/** Wait for the suite run's callback of the trigger that satisfies `match`, then check, verify and capture it. */
export async function runCallbackStep(run: SuiteRun, step: CallbackStep): Promise<StepResult> {
  const started = performance.now();
  const c = compiled(step);
  const { trigger, withinMs } = step.callback;
  const result = newResult(step, stepLabel(step));
  if (!c.payloadKey) {
    setError(result, "CC_UNKNOWN_TRIGGER", `unknown callback trigger ${trigger}`);
    return result;
  }
  const probe = run.scope.resolver();
  for (const { matcher } of c.match) resolveValue(matcher.arg, probe);
  if (probe.missing.length > 0) {
    const names = [...new Set(probe.missing)].join(", ");
    if (step.phase === "teardown") return skippedResult(step, `${names} never got a value`);
    setError(result, "CC_UNRESOLVED_VARIABLE", `variable ${names} has no value when the step runs`);
    return result;
  }
  const accept = (cb: ReceivedCallback): boolean => {
    const body = cb.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== "object" || !(c.payloadKey! in body)) return false;
    const out: CheckFailure[] = [];
    checkBody(c.match, body, run.scope.resolver(), out);
    return out.length === 0;
  };
  const signal = run.env.ctx.signal;
  const cb = signal?.aborted ? undefined : await run.env.receiver.take(run.item.key, accept, withinMs, signal);
  result.durationMs = performance.now() - started;
  let shown = cb;
  if (!cb && signal?.aborted) setError(result, "CC_INTERRUPTED", `the run was interrupted while waiting for a ${trigger} callback`);
  else if (!cb) {
    const timedOut = timeoutFailure(run, { step, payloadKey: c.payloadKey, match: c.match });
    result.failures.push(timedOut.failure);
    shown = timedOut.closest;
  } else checkCallback(run, step, c, cb, result);
  settle(result, step);
  if (result.outcome !== "passed") {
    const redactor = run.env.redactor;
    if (shown) {
      result.exchange = buildExchange(redactor, {
        request: { method: "POST", url: String(run.scope.lookup("WEBHOOK_URL") ?? ""), headers: shown.headers, body: shown.raw.toString("utf8") },
      });
    }
    redactResult(redactor, result);
  }
  return result;
}



function checkCallback(run: SuiteRun, step: CallbackStep, c: CompiledCallbackStep, cb: ReceivedCallback, result: StepResult): void {
  const { contract, options } = run.env.ctx;
  const { trigger, signed } = step.callback;
  const noSchema: CheckFailure = { kind: "no-schema", message: `no callback schema is known for trigger ${trigger}` };
  const schema = contract.callbackSchema(trigger) ?? noSchema;
  noteShape(result, { json: cb.json });
  run.env.redactor.learn(cb.json);
  checkPayload({ contract, strict: options.strict, schema, body: { json: cb.json }, what: "callback" }, result);
  if (signed) {
    const secret = run.scope.lookup("WEBHOOK_SECRET");
    const problem = verifySignature(cb.headers, cb.raw, typeof secret === "string" ? secret : "");
    if (problem) result.failures.push({ kind: "signature", path: problem.header, message: problem.message });
  }
  for (const [name, path] of c.captures) {
    const value = path.first(cb.json);
    if (value !== undefined) run.scope.captures.set(name, value);
    else result.failures.push({ kind: "capture", path: path.path, message: `found nothing in the callback to capture as ${name}` });
  }
  learnCaptures(run.env.redactor, c.captures, (name) => run.scope.captures.get(name));
}
