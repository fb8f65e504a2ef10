import { ApiError, unauthenticated } from "../errors";
import { GLOBAL_TOKEN_SCOPE, type Region } from "../../vocabulary/regions";
import { parseBasic, parseBearer } from "./basic";
import type { JwtSigner } from "./jwt";

/** What the guard needs to decide about one request. */
export interface GuardContext {
  region: Region;
  projectId: string;
  authorization: string | undefined;
  /** a fault asked to treat this request's token as expired */
  forceExpired: boolean;
  jwt: JwtSigner;
  credentials: { projectId: string; clientId: string; clientSecret: string };
}

/** Throws the 401/403 the real API gives; returns when the caller may proceed. */
export function authorize(ctx: GuardContext): void {
  const bearer = parseBearer(ctx.authorization);
  if (bearer !== undefined) return authorizeBearer(ctx, bearer);
  const basic = parseBasic(ctx.authorization);
  if (basic && basic.id === ctx.credentials.clientId && basic.secret === ctx.credentials.clientSecret) {
    return checkProject(ctx, ctx.credentials.projectId);
  }
  throw unauthenticated();
}

function authorizeBearer(ctx: GuardContext, token: string): void {
  const claims = ctx.jwt.verify(token);
  if (!claims) throw unauthenticated();
  // a regional token is refused by another region (the introduction); a global one is valid in every region (today's SDKs)
  if (claims.region !== ctx.region && claims.region !== GLOBAL_TOKEN_SCOPE) {
    throw unauthenticated(`Request had invalid credentials: the token was issued for region ${claims.region}.`);
  }
  if (ctx.forceExpired || claims.exp * 1000 <= Date.now()) {
    const at = new Date(Math.min(claims.exp * 1000, Date.now())).toISOString().replace(/\.\d{3}Z$/, "Z");
    throw unauthenticated(
      "Request had invalid credentials: the access token expired.",
      `Bearer error="invalid_token", error_description="Jwt expired at ${at}", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"`,
    );
  }
  checkProject(ctx, claims.project_id);
}

function checkProject(ctx: GuardContext, allowed: string): void {
  if (ctx.projectId !== allowed) {
    throw new ApiError(403, `The caller does not have permission to access project ${ctx.projectId}.`);
  }
}
