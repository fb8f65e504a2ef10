import { newId } from "../ids";
import { Reply, type HandlerMap, type OperationContext } from "../operations/handler";
import { GLOBAL_TOKEN_SCOPE, type Region } from "../../vocabulary/regions";
import { parseBasic } from "./basic";
import { oauthError } from "./oauth-error";
import type { JwtSigner } from "./jwt";

/** What the token endpoint needs: the request and the emulator's credentials. */
interface TokenRequest {
  /** the region the token is valid in, or "global": every region */
  scope: Region | typeof GLOBAL_TOKEN_SCOPE;
  authorization: string | undefined;
  body: unknown;
  issuer: string;
  jwt: JwtSigner;
  credentials: { projectId: string; clientId: string; clientSecret: string };
  lifetimeSec: number;
}

/** Status and JSON body of a token endpoint reply. */
interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

function oryError(status: number, error: string, description: string, hint: string): TokenReply {
  return { status, body: oauthError(error, description, hint) };
}

/** POST {authUrl}/oauth2/token: client_credentials with Basic (or form) client authentication. */
function issueToken(req: TokenRequest): TokenReply {
  const form = (req.body && typeof req.body === "object" ? req.body : {}) as Record<string, unknown>;
  const basic = parseBasic(req.authorization);
  const id = basic?.id ?? (typeof form.client_id === "string" ? form.client_id : undefined);
  const secret = basic?.secret ?? (typeof form.client_secret === "string" ? form.client_secret : undefined);
  if (id !== req.credentials.clientId || secret !== req.credentials.clientSecret) {
    return oryError(
      401,
      "invalid_client",
      "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).",
      "Check the client id and secret, sent as HTTP Basic authentication.",
    );
  }
  const grant = form.grant_type;
  if (grant === undefined || grant === "") {
    return oryError(400, "invalid_request", "The request is missing a required parameter: grant_type.", "Send grant_type=client_credentials as a form field.");
  }
  if (grant !== "client_credentials") {
    return oryError(400, "unsupported_grant_type", `The authorization grant type '${String(grant)}' is not supported.`, "Use grant_type=client_credentials.");
  }
  const iat = Math.floor(Date.now() / 1000);
  const token = req.jwt.sign({
    iss: req.issuer,
    sub: id,
    client_id: id,
    region: req.scope,
    project_id: req.credentials.projectId,
    iat,
    exp: iat + req.lifetimeSec,
    jti: newId(),
  });
  return {
    status: 200,
    body: { access_token: token, token_type: "Bearer", expires_in: req.lifetimeSec, scope: "" },
  };
}

function token(ctx: OperationContext): Reply {
  const host = ctx.tokenScope === GLOBAL_TOKEN_SCOPE ? "" : `/${ctx.tokenScope}`;
  const r = issueToken({
    scope: ctx.tokenScope, authorization: ctx.headers.authorization, body: ctx.body, issuer: `${ctx.origin}${host}/auth`,
    jwt: ctx.rt.jwt, credentials: ctx.rt.options, lifetimeSec: ctx.rt.options.tokenLifetimeSec,
  });
  return new Reply(r.status, r.body, r.status === 401 ? { "www-authenticate": 'Basic realm="oauth2"' } : {});
}

/** The token endpoint of the auth host: per region (`/{region}/auth`), and global (`/auth`, as auth.sinch.com). */
export const tokenOperations: HandlerMap = {
  "OAuth2/Get token": token,
};
