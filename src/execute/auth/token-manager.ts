import { createHash } from "node:crypto";
import type { RegionTarget } from "../../model";
import { HttpError, type HttpResponse, type Send } from "../http";
import { TokenError } from "./token-error";
import { refreshAt } from "./token-lifetime";

/** Clock and hooks of a token manager. */
export interface TokenManagerOptions {
  now?: () => number;
  onIssued?: (token: string) => void;
}

interface Cached {
  token: string;
  refreshAt: number;
}

/**
 * OAuth2 client-credentials tokens, cached per (token endpoint, credentials), fetched once for all concurrent
 * callers, refreshed ahead of expiry. Regional endpoints differ per region, so a regional token never crosses
 * regions; regions that share an endpoint (`--auth global`) share its token and its refresh.
 */
export class TokenManager {
  private readonly cache = new Map<string, Cached>();
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly rejected = new Map<string, TokenError>();

  private readonly now: () => number;
  private readonly onIssued?: (token: string) => void;

  /** `send` carries the token request (the retry layer, no auth); `onIssued` lets a redactor learn each token. */
  constructor(private readonly send: Send, opts: TokenManagerOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.onIssued = opts.onIssued;
  }

  /** A valid cached token without waiting, if there is one (the hot path). */
  cached(target: RegionTarget): string | undefined {
    const hit = this.cache.get(keyOf(target));
    return hit && this.now() < hit.refreshAt ? hit.token : undefined;
  }

  /** A valid token for the region; concurrent callers share one request. */
  token(target: RegionTarget): Promise<string> {
    const key = keyOf(target);
    const hit = this.cached(target);
    if (hit) return Promise.resolve(hit);
    const rejected = this.rejected.get(key);
    if (rejected) return Promise.reject(rejected);
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetch(target, key).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** Drop a token the API called expired, unless a fresher one has replaced it already. */
  invalidate(target: RegionTarget, token: string): void {
    const key = keyOf(target);
    if (this.cache.get(key)?.token === token) this.cache.delete(key);
  }

  private async fetch(target: RegionTarget, key: string): Promise<string> {
    const basic = Buffer.from(`${target.clientId}:${target.clientSecret}`).toString("base64");
    let res: HttpResponse;
    try {
      res = await this.send({
        method: "POST", url: tokenUrl(target), idempotent: true,
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: "grant_type=client_credentials",
      }, { attempts: [] });
    } catch (error) {
      if (error instanceof HttpError && error.kind === "interrupted") throw error;
      const code = error instanceof HttpError && error.kind === "no-connection" ? "CC_TARGET_UNREACHABLE" : "CC_TOKEN_FAILED";
      throw new TokenError(code, `token request for region ${target.region} failed: ${(error as Error).message}`);
    }
    const token = this.accept(res, target, key);
    this.onIssued?.(token);
    return token;
  }

  private accept(res: HttpResponse, target: RegionTarget, key: string): string {
    if (res.status === 401 || res.status === 403) {
      const error = new TokenError("CC_CREDENTIALS_REJECTED",
        `the token endpoint of region ${target.region} rejected the credentials (${res.status}${oauthError(res.body)})`);
      this.rejected.set(key, error);
      throw error;
    }
    let json: { access_token?: unknown; expires_in?: unknown } | undefined;
    try {
      json = res.status === 200 ? JSON.parse(res.body) : undefined;
    } catch {
      json = undefined;
    }
    if (!json || typeof json.access_token !== "string" || json.access_token === "") {
      throw new TokenError("CC_TOKEN_FAILED", `token request for region ${target.region} failed with status ${res.status}${oauthError(res.body)}${notFoundNote(res.status, target)}`);
    }
    const now = this.now();
    this.cache.set(key, { token: json.access_token, refreshAt: refreshAt(json.access_token, json.expires_in, now) });
    return json.access_token;
  }
}

/** Cache keys by target: the hot path (a cached token) hashes nothing. */
const keys = new WeakMap<RegionTarget, string>();

function keyOf(target: RegionTarget): string {
  let key = keys.get(target);
  if (key === undefined) {
    // the secret is hashed so that the cache holds no second copy of it
    const secret = createHash("sha256").update(target.clientSecret).digest("base64");
    key = `${tokenUrl(target)}\n${target.clientId}\n${secret}`;
    keys.set(target, key);
  }
  return key;
}

function tokenUrl(target: RegionTarget): string {
  return `${target.authUrl.replace(/\/+$/, "")}/oauth2/token`;
}

/**
 * What a 404 from the token endpoint means: AUTH_URL names no token endpoint (a URL --target makes it the base URL;
 * an emulator serves it at <region>/auth). The URL without user, query or fragment.
 */
function notFoundNote(status: number, target: RegionTarget): string {
  if (status !== 404) return "";
  const url = new URL(tokenUrl(target));
  return ` (nothing at ${url.origin}${url.pathname}: the token endpoint is AUTH_URL + /oauth2/token, and an --env file sets AUTH_URL)`;
}

/** ": invalid_client" from an ORY-style error body (it holds no secret). */
function oauthError(body: string): string {
  try {
    const error = (JSON.parse(body) as { error?: unknown }).error;
    return typeof error === "string" ? `: ${error.slice(0, 80)}` : "";
  } catch {
    return "";
  }
}
