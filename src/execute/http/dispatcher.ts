import { Agent, type Dispatcher } from "undici";
import { toHttpError } from "./http-error";
import type { HttpRequest, HttpResponse, Send } from "./types";

/** One keep-alive agent for the whole run. */
export function createDispatcher(opts: { connectTimeoutMs: number }): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000, connect: { timeout: opts.connectTimeoutMs } });
}

/** The bottom layer: one request through the shared dispatcher, body read once as text. */
export function createSend(dispatcher: Dispatcher, timeoutMs: number): Send {
  return async (req: HttpRequest): Promise<HttpResponse> => {
    const start = performance.now();
    try {
      const cut = req.url.indexOf("/", req.url.indexOf("//") + 2);
      const origin = cut < 0 ? req.url : req.url.slice(0, cut);
      const path = cut < 0 ? "/" : req.url.slice(cut);
      const res = await dispatcher.request({
        origin, path, method: req.method as Dispatcher.HttpMethod, headers: req.headers, body: req.body,
        headersTimeout: timeoutMs, bodyTimeout: timeoutMs,
      });
      const body = await res.body.text();
      return { status: res.statusCode, headers: res.headers, body, durationMs: performance.now() - start };
    } catch (error) {
      throw toHttpError(error, performance.now() - start);
    }
  };
}
