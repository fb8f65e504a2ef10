import type { RegionTarget } from "../../model";
import type { HttpRequest, HttpResponse, Send, SendContext } from "../http";
import { TokenError } from "./token-error";
import type { TokenManager } from "./token-manager";

/** What the auth layer needs: the token manager and each region's target. */
export interface AuthLayerContext {
  tokens: TokenManager;
  targets: Record<string, RegionTarget>;
}

/** The auth layer: sets Authorization (Bearer per region, or Basic) and retries once on a 401 for an expired token. */
export function withAuth(inner: Send, auth: AuthLayerContext): Send {
  const basic = new Map<string, string>();
  for (const t of Object.values(auth.targets)) {
    basic.set(t.region, `Basic ${Buffer.from(`${t.clientId}:${t.clientSecret}`).toString("base64")}`);
  }
  const withToken = async (req: HttpRequest, ctx: SendContext): Promise<HttpResponse> => {
    const region = (req.auth as { region: string }).region;
    const target = auth.targets[region];
    if (!target) throw new TokenError("CC_TOKEN_FAILED", `no target is configured for region ${region}`);
    const token = auth.tokens.cached(target) ?? (await auth.tokens.token(target));
    req.headers.authorization = `Bearer ${token}`;
    const res = await inner(req, ctx);
    if (res.status !== 401 || !tokenExpired(res.headers["www-authenticate"])) return res;
    auth.tokens.invalidate(target, token);
    const last = ctx.attempts[ctx.attempts.length - 1];
    if (last) last.retryReason = "token expired";
    req.headers.authorization = `Bearer ${await auth.tokens.token(target)}`;
    return inner(req, ctx);
  };
  return (req: HttpRequest, ctx: SendContext): Promise<HttpResponse> => {
    const mode = req.auth?.mode;
    if (mode === "oauth2") return withToken(req, ctx);
    if (mode === "basic") req.headers.authorization = basic.get((req.auth as { region: string }).region) ?? "";
    return inner(req, ctx);
  };
}

/** Like Sinch's SDKs (sinch-sdk-node api-fetch-client.ts): only a WWW-Authenticate that says "expired" means a new token can help. */
function tokenExpired(header: string | string[] | undefined): boolean {
  return /expired/i.test(Array.isArray(header) ? header.join(" ") : header ?? "");
}
