import type { RequestStep, StepResult } from "../../model";
import { TokenError } from "../auth";
import { emit } from "../emit";
import { buildExchange, learnCaptures, redactResult } from "../exchange";
import { HttpError, type HttpRequest, type HttpResponse, type SendContext } from "../http";
import { regionOfVariable } from "../../vocabulary/run-variables";
import { SUITE_RUN_HEADER } from "../../vocabulary/suite-run-header";
import { newResult, setError, settle, skippedResult, stepLabel } from "../step-result";
import type { SuiteRun } from "../suite-run";
import { compileRequestStep, type CompiledRequestStep } from "./compile-request-step";
import { parseBody } from "../check-payload";
import { capture, checkResponse, checkSchema, type ResponseCheckInput } from "./check-response";
import { pollUntil, type PollOutcome } from "./poll";
import { noteOperation, noteShape } from "../step-facts";
import { renderRequest } from "./render-request";
import { explainStatus } from "./response-reason";
import { roundMs } from "../duration";
import { cached } from "../bounded-cache";

/** Send one request step (with its polls and transient retries), check the response, store captures. */
export async function runRequestStep(run: SuiteRun, step: RequestStep): Promise<StepResult> {
  const started = performance.now();
  let c: CompiledRequestStep;
  try {
    c = compiled(run, step);
  } catch (error) {
    const result = newResult(step, stepLabel(step));
    setError(result, "CC_UNKNOWN_REQUEST", (error as Error).message);
    return result;
  }
  const { req, missing } = renderRequest(c, run.scope, run.item.region);
  if (missing.length > 0) return unresolved(step, c, missing);
  if (run.env.ctx.options.tagRequests) req.headers[SUITE_RUN_HEADER] = run.item.key;
  const result = newResult(step, c.label);
  noteOperation(result, { method: c.method, url: req.url, operation: c.operation }, run.env.ctx.contract);
  const ctx: SendContext = { attempts: result.attempts };
  // a teardown step always finishes, interrupt or not: it cleans up
  if (step.phase !== "teardown" && run.env.ctx.signal) ctx.signal = run.env.ctx.signal;
  if (run.env.ctx.options.verbose) ctx.onAttempt = showAttempt(run, step);
  if (run.lane) ctx.dispatcher = run.lane;
  let res: HttpResponse | undefined;
  try {
    if (c.poll) {
      const polled = await pollUntil(run, c, req, ctx, result);
      res = polled.res;
      checkAndCapture(run, c, req, polled, result);
    } else {
      res = await run.env.send(req, ctx);
      const body = parseBody(res.body);
      noteShape(result, body);
      checkAndCapture(run, c, req, { res, body, exhausted: false }, result);
    }
  } catch (error) {
    failWith(result, error);
  }
  result.durationMs = roundMs(performance.now() - started);
  if (res) result.status = res.status;
  settle(result, step);
  if (result.outcome !== "passed") {
    const redactor = run.env.redactor;
    result.exchange = buildExchange(redactor, { request: req, response: res });
    redactResult(redactor, result);
  }
  return result;
}

/** Every check on the final response, then the captures (taken even from a failed step, so teardown can clean up). */
function checkAndCapture(run: SuiteRun, c: CompiledRequestStep, req: HttpRequest, out: PollOutcome, result: StepResult): void {
  const { env, scope } = run;
  const { res, body } = out;
  const input: ResponseCheckInput = { c, contract: env.ctx.contract, strict: env.ctx.options.strict, req, res, body, scope };
  if (out.exhausted) checkSchema(input, result);
  else checkResponse(input, result);
  env.redactor.learn(body.json);
  explainStatus(result.failures, body, res.body, env.redactor);
  if (body.notJson !== undefined || c.captures.length === 0) return;
  capture(c, body.json, scope, result, c.expect.status.test(res.status));
  learnCaptures(env.redactor, c.captures, (name) => scope.captures.get(name));
}

/**
 * Compiled request steps a run keeps at most: the same suite runs in each region at about the same pace, so a step
 * is used again soon or never; one kept longer only outlives the young generation.
 */
const COMPILED_LIMIT = 32;

function compiled(run: SuiteRun, step: RequestStep): CompiledRequestStep {
  const { env } = run;
  return cached(env.compiled, step, () => compileRequestStep(step, run.item.suite, env.ctx.requests, env.ctx.contract), COMPILED_LIMIT);
}

/** A teardown step whose variables were never captured is skipped; elsewhere it is an error. */
function unresolved(step: RequestStep, c: CompiledRequestStep, missing: string[]): StepResult {
  const names = [...new Set(missing)];
  const list = names.map((n) => `{{${n}}}`).join(", ");
  if (step.phase === "teardown") {
    const skipped = skippedResult(step, `${list} never got a value (nothing to clean up)`);
    skipped.request = c.label;
    return skipped;
  }
  const result = newResult(step, c.label);
  setError(result, "CC_UNRESOLVED_VARIABLE", `variable ${names.join(", ")} has no value when the step runs (${list})${regionNote(names)}`);
  return result;
}

/** BASE_URL_EU and its kind exist only for the regions of the run: say so. */
function regionNote(names: string[]): string {
  const regions = names.map(regionOfVariable).filter((r): r is string => r !== undefined);
  if (regions.length === 0) return "";
  return `; region ${[...new Set(regions)].join(", ")} is not part of this run (add it with --region)`;
}

/** --verbose: each attempt goes to the listeners as a redacted exchange. */
function showAttempt(run: SuiteRun, step: RequestStep): NonNullable<SendContext["onAttempt"]> {
  return (request, response) => emit(run.env.ctx.listeners, "onExchange", run.item, step, buildExchange(run.env.redactor, { request, response }));
}

function failWith(result: StepResult, error: unknown): void {
  if (error instanceof HttpError || error instanceof TokenError) setError(result, error.code, error.message);
  else setError(result, "CC_INTERNAL", error instanceof Error ? error.message : String(error));
}
