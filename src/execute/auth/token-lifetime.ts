const MARGIN_MS = 60_000;
/** for short lifetimes the margin is this fraction of the lifetime instead of a minute */
const MARGIN_FRACTION = 0.1;

/** The `exp` claim (seconds since the epoch) of a JWT, or undefined when the token is not a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as { exp?: unknown };
    return typeof claims.exp === "number" && Number.isFinite(claims.exp) ? claims.exp : undefined;
  } catch {
    return undefined;
  }
}

/** When to fetch a fresh token: ahead of the JWT exp (else expires_in) by a minute or 10% of a short lifetime. */
export function refreshAt(token: string, expiresIn: unknown, now: number): number {
  const exp = jwtExpiry(token);
  let lifetime: number | undefined;
  if (exp !== undefined && exp * 1000 > now) lifetime = exp * 1000 - now;
  else if (typeof expiresIn === "number" && expiresIn > 0) lifetime = expiresIn * 1000;
  if (lifetime === undefined) return Number.POSITIVE_INFINITY;
  return now + lifetime - Math.min(MARGIN_MS, lifetime * MARGIN_FRACTION);
}
