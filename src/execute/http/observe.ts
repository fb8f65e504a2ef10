import type { HttpRequest, HttpResponse, Send } from "./types";

/** The layer that shows every attempt, as it went on the wire, to a step that asked (SendContext.onAttempt: --verbose). */
export function withObserver(inner: Send): Send {
  return async (req: HttpRequest, ctx) => {
    if (!ctx.onAttempt) return inner(req, ctx);
    let res: HttpResponse | undefined;
    try {
      res = await inner(req, ctx);
      return res;
    } finally {
      ctx.onAttempt(req, res);
    }
  };
}
