import type { Attempt, BackoffPolicy } from "../../model";
import { backoffDelay, parseRetryAfter } from "./backoff";
import { HttpError, interruptedError, toHttpError } from "./http-error";
import type { HttpRequest, HttpResponse, Send, SendContext } from "./types";
import { roundMs } from "../duration";

const TRANSIENT = new Set([429, 500, 502, 503, 504]);
/** statuses that say the server did not act on the request, so even a POST may be sent again */
const NOT_ACTED = new Set([429, 503]);

/** Options of the retry layer; `sleep` (which ends early when the request's signal aborts) and `random` are replaceable for tests. */
export interface RetryOptions {
  policy: BackoffPolicy;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The retry layer: records every attempt and re-sends transient failures within the back-off budget. */
export function withRetry(inner: Send, opts: RetryOptions): Send {
  const sleep = opts.sleep ?? defaultSleep;
  const { policy } = opts;
  return async (req: HttpRequest, ctx: SendContext): Promise<HttpResponse> => {
    const started = Date.now();
    for (let n = 1; ; n++) {
      let res: HttpResponse | undefined;
      let err: HttpError | undefined;
      try {
        res = await inner(req, ctx);
      } catch (e) {
        err = toHttpError(e, 0);
      }
      const attempt: Attempt = res ? { status: res.status, durationMs: roundMs(res.durationMs) } : { durationMs: roundMs(err!.durationMs), error: err!.message };
      ctx.attempts.push(attempt);
      const reason = res ? statusReason(res.status, req) : errorReason(err!, req);
      const wait = reason && n < policy.attempts ? waitFor(n, res, opts) : undefined;
      if (!reason || wait === undefined || Date.now() - started + wait > policy.maxTotalMs) {
        if (res) return res;
        throw err;
      }
      // a response the run would have retried is no answer: an interrupt now is the request's outcome
      if (ctx.signal?.aborted) throw interruptedError(`before retry ${n} of the request (after ${reason})`, attempt.durationMs);
      attempt.retryReason = reason;
      await sleep(wait, ctx.signal);
      if (ctx.signal?.aborted) throw interruptedError(`while waiting ${wait} ms to retry the request (after ${reason})`);
    }
  };
}

function statusReason(status: number, req: HttpRequest): string | undefined {
  if (!TRANSIENT.has(status)) return undefined;
  return req.idempotent || NOT_ACTED.has(status) ? String(status) : undefined;
}

function errorReason(err: HttpError, req: HttpRequest): string | undefined {
  if (err.kind === "no-connection") return "connection failed";
  if (err.kind === "reset" && req.idempotent) return "ECONNRESET";
  return undefined;
}

function waitFor(n: number, res: HttpResponse | undefined, opts: RetryOptions): number {
  const after = res ? parseRetryAfter(res.headers["retry-after"]) : undefined;
  return after ?? backoffDelay(n, opts.policy, opts.random);
}
