import type { CheckFailure, StepResult } from "../../model";
import { checkBody, checkStatus } from "../assertions";
import { interruptedError, type HttpRequest, type HttpResponse, type SendContext } from "../http";
import type { SuiteRun } from "../suite-run";
import type { CompiledRequestStep } from "./compile-request-step";
import { parseBody, type ParsedBody } from "../check-payload";
import { noteShape } from "../step-facts";

/** The last response of a poll, and whether the condition never held. */
export interface PollOutcome {
  res: HttpResponse;
  body: ParsedBody;
  exhausted: boolean;
}

/** `retry: {until, attempts, delay_ms}`: send again until the condition holds; each poll is an attempt. */
export async function pollUntil(run: SuiteRun, c: CompiledRequestStep, req: HttpRequest, ctx: SendContext,
  result: StepResult): Promise<PollOutcome> {
  const poll = c.poll!;
  const tries = Math.max(1, poll.attempts);
  for (let n = 1; ; n++) {
    const res = await run.env.send(req, ctx);
    const body = parseBody(res.body);
    noteShape(result, body);
    const mismatch = untilMismatch(run, c, res, body);
    if (!mismatch) return { res, body, exhausted: false };
    if (n >= tries) {
      result.failures.push({ ...mismatch, kind: "retry", message: `retry.until did not hold after ${n} attempts: ${mismatch.message}` });
      return { res, body, exhausted: true };
    }
    const { signal } = ctx;
    if (signal?.aborted) throw interruptedError(`while polling, after attempt ${n} of ${tries}`);
    ctx.attempts[ctx.attempts.length - 1]!.retryReason = "poll";
    await run.env.sleep(poll.delayMs, signal);
    if (signal?.aborted) throw interruptedError(`while polling, waiting to send attempt ${n + 1} of ${tries}`);
  }
}

function untilMismatch(run: SuiteRun, c: CompiledRequestStep, res: HttpResponse, body: ParsedBody): CheckFailure | undefined {
  const poll = c.poll!;
  if (poll.status) {
    const status = checkStatus(poll.status, res.status);
    if (status) return status;
  }
  if (poll.body.length === 0) return undefined;
  if (body.notJson !== undefined) return { kind: "not-json", message: body.notJson };
  const out: CheckFailure[] = [];
  checkBody(poll.body, body.json, run.scope.resolver(c.templateVars), out);
  return out[0];
}
