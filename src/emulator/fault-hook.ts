import type { FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "./errors";
import type { Runtime } from "./runtime";

/** What the fault hook needs for one request. */
export interface FaultHookContext {
  rt: Runtime;
  req: FastifyRequest;
  reply: FastifyReply;
  pathname: string;
  region: string | undefined;
  flags: { faulted: boolean; expireToken: boolean };
}

/** Apply the first matching admin fault to a request, before its body is read. */
export async function applyFault(ctx: FaultHookContext): Promise<FastifyReply | undefined> {
  const fault = ctx.rt.faults.take(ctx.req.method, ctx.pathname, ctx.region);
  if (!fault) return undefined;
  const a = fault.action;
  if ("latency_ms" in a) {
    await new Promise((resolve) => setTimeout(resolve, a.latency_ms));
    return undefined;
  }
  if ("expire_token" in a) {
    ctx.flags.expireToken = true;
    return undefined;
  }
  ctx.flags.faulted = true;
  if ("drop" in a) {
    ctx.reply.hijack();
    ctx.req.raw.socket.destroy();
    return ctx.reply;
  }
  if ("malformed" in a) {
    return ctx.reply.code(200).type("application/json; charset=utf-8").send('{"malformed": tru');
  }
  const message = a.message ?? defaultMessage(a.status);
  if (a.retry_after !== undefined) ctx.reply.header("retry-after", String(a.retry_after));
  // the token endpoint answers in its own (ORY) error style, the API hosts in the Google-RPC envelope
  const body = ctx.pathname.endsWith("/auth/oauth2/token")
    ? { error: a.status === 429 ? "too_many_requests" : "server_error", error_verbose: message, error_description: message, error_hint: "Retry later." }
    : new ApiError(a.status, message).envelope();
  return ctx.reply.code(a.status).type("application/json; charset=utf-8").send(JSON.stringify(body));
}

function defaultMessage(status: number): string {
  if (status === 429) return "Too many requests: the rate limit was exceeded.";
  if (status === 503) return "The service is currently unavailable.";
  if (status >= 500) return "Internal error.";
  return "Injected fault.";
}
