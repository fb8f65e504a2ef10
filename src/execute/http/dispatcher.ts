import type { Agent, Dispatcher } from "undici";
import { vendoredBundle } from "../../vocabulary/vendored";
import { AttemptWatch, type Watched } from "./attempt-watch";
import { HttpError, interruptedError, toHttpError } from "./http-error";
import type { HttpRequest, HttpResponse, Send, SendContext } from "./types";

// only the Agent: undici's index also loads fetch, websockets, mocks and caches (about half its start-up cost); the
// build's bundle of it (vocabulary/vendored) when there is one
const bundledAgent = vendoredBundle("undici-agent");
/* eslint-disable @typescript-eslint/no-require-imports */
const AgentClass = (bundledAgent === undefined ? require("undici/lib/dispatcher/agent") : require(bundledAgent)) as typeof Agent;
/* eslint-enable @typescript-eslint/no-require-imports */

/** A keep-alive agent (`connections` per origin at most, default any number); timeouts are set here once rather than per request. */
export function createDispatcher(opts: { connectTimeoutMs: number; requestTimeoutMs?: number; connections?: number }): Agent {
  const timeout = opts.requestTimeoutMs ?? 300_000;
  return new AgentClass({
    ...(opts.connections === undefined ? {} : { connections: opts.connections }),
    keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connect: { timeout: opts.connectTimeoutMs },
    headersTimeout: timeout, bodyTimeout: timeout,
  });
}

/** Limits of every attempt. */
export interface AttemptLimits {
  /** the complete response (headers and body) must be in within this many milliseconds of sending */
  timeoutMs?: number;
}

/**
 * The bottom layer: one request through the shared dispatcher. It uses dispatch() with a handler that
 * collects the body chunks, so no stream object is built per response. The attempt's own timer holds it to
 * `timeoutMs` from the moment it is sent to its last byte (undici's timeouts are idle timeouts, per phase, and
 * coarse); aborting the request's signal (SendContext) ends it as CC_INTERRUPTED. A request goes through the
 * SendContext's dispatcher (a suite's lane) when it names one.
 */
export function createSend(dispatcher: Dispatcher, limits: AttemptLimits = {}): Send {
  const watch = new AttemptWatch();
  return (req: HttpRequest, ctx?: SendContext): Promise<HttpResponse> =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const cut = req.url.indexOf("/", req.url.indexOf("//") + 2);
      const handler = new CollectingHandler(start, resolve, reject);
      if (!handler.limit(watch, limits.timeoutMs, ctx?.signal)) return;
      try {
        (ctx?.dispatcher ?? dispatcher).dispatch({
          origin: cut < 0 ? req.url : req.url.slice(0, cut), path: cut < 0 ? "/" : req.url.slice(cut),
          method: req.method as Dispatcher.HttpMethod, headers: req.headers, body: req.body,
        }, handler);
      } catch (error) {
        handler.onResponseError(undefined, error as Error);
      }
    });
}

/** Collects one response: status, headers and the body as text; settles once, whichever comes first. */
class CollectingHandler implements Dispatcher.DispatchHandler, Watched {
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private readonly chunks: Buffer[] = [];
  private controller?: Dispatcher.DispatchController;
  private stopped?: HttpError;
  private watch?: AttemptWatch;
  private signal?: AbortSignal;
  private timeoutMs = Infinity;
  deadline = Infinity;

  constructor(
    private readonly start: number,
    private readonly resolve: (res: HttpResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  /** Arm the deadline and the interrupt, either of which ends the attempt with its own error; false when it is over before it began. */
  limit(watch: AttemptWatch, timeoutMs: number | undefined, signal: AbortSignal | undefined): boolean {
    if (signal?.aborted) {
      this.interrupt();
      return false;
    }
    if (timeoutMs !== undefined) {
      this.timeoutMs = timeoutMs;
      this.deadline = this.start + timeoutMs;
    }
    this.watch = watch;
    this.signal = signal;
    watch.watch(this, signal);
    return true;
  }

  expire(): void {
    this.stop(new HttpError("CC_TIMEOUT", "timeout", `no complete response within ${this.timeoutMs} ms (--timeout)`, this.elapsed()));
  }

  interrupt(): void {
    this.stop(interruptedError("while the request was in flight", this.elapsed()));
  }

  private release(): void {
    this.watch?.unwatch(this, this.signal);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.stopped) controller.abort(this.stopped);
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.stopped) return;
    this.release();
    const body = this.chunks.length === 1 ? this.chunks[0]!.toString("utf8") : Buffer.concat(this.chunks).toString("utf8");
    this.resolve({ status: this.status, headers: this.headers, body, durationMs: this.elapsed() });
  }

  onResponseError(_c: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.stopped) return;
    this.release();
    this.reject(toHttpError(error, this.elapsed()));
  }

  private stop(error: HttpError): void {
    if (this.stopped) return;
    this.stopped = error;
    this.release();
    this.reject(error);
    this.controller?.abort(error);
  }

  private elapsed(): number {
    return performance.now() - this.start;
  }
}
