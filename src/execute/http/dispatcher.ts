import type { Agent, Dispatcher } from "undici";
import { toHttpError } from "./http-error";
import type { HttpRequest, HttpResponse, Send } from "./types";

// only the Agent: undici's index also loads fetch, websockets, mocks and caches (about half its start-up cost)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AgentClass = require("undici/lib/dispatcher/agent") as typeof Agent;

/** One keep-alive agent for the whole run; timeouts are set here once rather than per request. */
export function createDispatcher(opts: { connectTimeoutMs: number; requestTimeoutMs?: number }): Agent {
  const timeout = opts.requestTimeoutMs ?? 300_000;
  return new AgentClass({
    keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connect: { timeout: opts.connectTimeoutMs },
    headersTimeout: timeout, bodyTimeout: timeout,
  });
}

/**
 * The bottom layer: one request through the shared dispatcher. It uses dispatch() with a handler that
 * collects the body chunks, so no stream object is built per response.
 */
export function createSend(dispatcher: Dispatcher): Send {
  return (req: HttpRequest): Promise<HttpResponse> =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const cut = req.url.indexOf("/", req.url.indexOf("//") + 2);
      const handler = new CollectingHandler(start, resolve, reject);
      try {
        dispatcher.dispatch({
          origin: cut < 0 ? req.url : req.url.slice(0, cut), path: cut < 0 ? "/" : req.url.slice(cut),
          method: req.method as Dispatcher.HttpMethod, headers: req.headers, body: req.body,
        }, handler);
      } catch (error) {
        reject(toHttpError(error, performance.now() - start));
      }
    });
}

/** Collects one response: status, headers and the body as text. */
class CollectingHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly start: number,
    private readonly resolve: (res: HttpResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  /** present so undici treats this as a new-style (controller) handler */
  onRequestStart(): void {}

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    const body = this.chunks.length === 1 ? this.chunks[0]!.toString("utf8") : Buffer.concat(this.chunks).toString("utf8");
    this.resolve({ status: this.status, headers: this.headers, body, durationMs: performance.now() - this.start });
  }

  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    this.reject(toHttpError(error, performance.now() - this.start));
  }
}
