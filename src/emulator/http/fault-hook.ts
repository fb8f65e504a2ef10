import { oauthErrorOf } from "../auth/oauth-error";
import { ApiError } from "../errors";
import type { Exchange } from "./exchange";
import { writeJson, writeText } from "./reply";

/** Apply the first matching admin fault before the request is routed or its body read; true when the fault answered it. */
export async function applyFault(ex: Exchange, pathname: string, region: string | undefined): Promise<boolean> {
  const fault = ex.rt.faults.take(ex.req.method ?? "GET", pathname, region);
  if (!fault) return false;
  const a = fault.action;
  if ("latency_ms" in a) {
    await new Promise((resolve) => setTimeout(resolve, a.latency_ms));
    return false;
  }
  if ("expire_token" in a) {
    ex.expireToken = true;
    return false;
  }
  if ("drop" in a) {
    ex.req.socket.destroy();
    return true;
  }
  if ("malformed" in a) {
    writeText(ex.res, 200, '{"malformed": tru');
    return true;
  }
  const message = a.message ?? defaultMessage(a.status);
  const headers: Record<string, string> = a.retry_after === undefined ? {} : { "retry-after": String(a.retry_after) };
  const err = new ApiError(a.status, message);
  // the token endpoint answers in its own (ORY) error style, the API hosts in the Google-RPC envelope
  writeJson(ex.res, a.status, ex.authHost ? oauthErrorOf(err) : err.envelope(), headers);
  return true;
}

/** The message of an error reply that was injected (a fault or an API change) rather than caused. */
export function defaultMessage(status: number): string {
  if (status === 429) return "Too many requests: the rate limit was exceeded.";
  if (status === 503) return "The service is currently unavailable.";
  if (status >= 500) return "Internal error.";
  return "Injected fault.";
}
