import { monotonicFactory } from "ulid";

const next = monotonicFactory();

/** A new 26-character Crockford base32 ULID, as Sinch's ids look. */
export function newId(): string {
  return next();
}

/** Now as RFC 3339 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}
