import type { HttpRequest, HttpResponse, Send, SendContext } from "./types";

/** The layer that shows every attempt, as it went on the wire, to a step that asked (SendContext.onAttempt: --verbose). */
export function withObserver(inner: Send): Send {
  const observed = async (req: HttpRequest, ctx: SendContext, onAttempt: NonNullable<SendContext["onAttempt"]>): Promise<HttpResponse> => {
    let res: HttpResponse | undefined;
    try {
      res = await inner(req, ctx);
      return res;
    } finally {
      onAttempt(req, res);
    }
  };
  // without an observer the attempt goes straight through: no promise of its own per attempt
  return (req, ctx) => (ctx.onAttempt ? observed(req, ctx, ctx.onAttempt) : inner(req, ctx));
}
