import { oauthErrorOf } from "../auth/oauth-error";
import { ApiError } from "../errors";
import type { Exchange } from "./exchange";
import { writeJson } from "./reply";

/** The schema a reply is held to: its operation's for the status; an error of no operation, the envelope of its host. */
function replySchema(ex: Exchange, status: number): string | undefined {
  if (ex.op) return ex.rt.contract.schemaForStatus(ex.op, status);
  if (status < 400) return undefined;
  return ex.authHost ? "oauth-error" : "error";
}

/**
 * Send a reply. The self-check holds the emulator's own body to its schema first (unless an API change chose the
 * status); the API changes then reshape a copy, since they are meant to break the contract.
 */
export function send(ex: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const { rt } = ex;
  if (ex.op) rt.options.onReply?.({ operation: ex.op.id, status, requestHeaders: ex.req.headers });
  if (!rt.selfCheck && rt.changes.empty) return writeJson(ex.res, status, body, headers);
  const schema = replySchema(ex, status);
  if (rt.selfCheck && schema && !ex.statusChanged) rt.checkBody({ method: ex.req.method ?? "GET", url: ex.req.url ?? "", status }, schema, body);
  let out = body;
  if (!rt.changes.empty && ex.region) out = rt.changes.applyToBody({ region: ex.region, schema, op: ex.op, status, body }).body;
  writeJson(ex.res, status, out, headers);
}

/** Send an error: in the API's envelope, or in the token endpoint's own (ORY) form on the auth host. */
export function sendError(ex: Exchange, err: ApiError): void {
  send(ex, err.code, ex.authHost ? oauthErrorOf(err) : err.envelope(), err.headers);
}

/** An ApiError as it is; anything else is a crash, reported to onInternalError and answered as a 500. */
export function toApiError(ex: Exchange, err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  ex.rt.options.onInternalError?.({ method: ex.req.method ?? "GET", url: ex.req.url ?? "", error: err });
  return new ApiError(500, "Internal error.");
}
