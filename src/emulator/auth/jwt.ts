import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The claims of an emulator access token. */
export interface TokenClaims {
  iss: string;
  sub: string;
  client_id: string;
  region: string;
  project_id: string;
  iat: number;
  exp: number;
  jti: string;
}

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
/** verified tokens remembered, so a client reusing its token costs one HMAC, not one per request */
const VERIFIED_LIMIT = 1000;
/** the last few tokens seen, compared as strings before the map is asked: a map lookup hashes the whole token first */
const RECENT_SLOTS = 4;

/** Signs and verifies HS256 JWTs with a key made at start, so tokens of another emulator never pass. */
export class JwtSigner {
  private readonly key = randomBytes(32);
  private readonly verified = new Map<string, TokenClaims>();
  private readonly recentTokens: string[] = [];
  private readonly recentClaims: TokenClaims[] = [];
  private nextSlot = 0;

  /** A compact JWS for the claims. */
  sign(claims: TokenClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return `${HEADER}.${body}.${this.mac(`${HEADER}.${body}`)}`;
  }

  /** The claims when the signature is ours, undefined for anything else (expiry is checked by the caller). */
  verify(token: string): TokenClaims | undefined {
    // every request carries its token as a new string, so a map lookup would hash all of it each time
    for (let i = 0; i < this.recentTokens.length; i++) if (this.recentTokens[i] === token) return this.recentClaims[i];
    let claims = this.verified.get(token);
    if (!claims) {
      claims = this.check(token);
      if (!claims) return undefined;
      if (this.verified.size >= VERIFIED_LIMIT) this.verified.clear();
      this.verified.set(token, claims);
    }
    this.remember(token, claims);
    return claims;
  }

  private remember(token: string, claims: TokenClaims): void {
    this.recentTokens[this.nextSlot] = token;
    this.recentClaims[this.nextSlot] = claims;
    this.nextSlot = (this.nextSlot + 1) % RECENT_SLOTS;
  }

  private check(token: string): TokenClaims | undefined {
    const parts = token.split(".");
    if (parts.length !== 3) return undefined;
    const [header, body, sig] = parts as [string, string, string];
    const expected = Buffer.from(this.mac(`${header}.${body}`));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenClaims;
      return typeof claims.exp === "number" ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(data: string): string {
    return createHmac("sha256", this.key).update(data).digest("base64url");
  }
}
