/** Replaces secrets in text and headers; every writer of output goes through one. */
export interface Redactor {
  redact(text: string): string;
  /** sensitive headers become "[REDACTED]", the others are redacted as text */
  redactHeaders<T extends string | string[] | number | undefined>(headers: Record<string, T>): Record<string, T | string>;
  /** learn a secret that appeared during the run (an access token) */
  add(secret: string): void;
}

/** Extra knowledge for a redactor. */
export interface RedactorOptions {
  /** (id, secret) pairs whose base64 "id:secret" must also disappear (Basic credentials) */
  pairs?: Array<[string, string]>;
}

export const REDACTED = "[REDACTED]";
/** Secrets shorter than this are ignored: redacting "a" or "us" would shred every message. */
const MIN_SECRET_LENGTH = 4;
const SENSITIVE_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "x-sinch-webhook-signature",
  "cookie",
  "set-cookie",
]);
const BASIC = /\b(Basic)(\s+)([A-Za-z0-9+/]+=*)/gi;
const BEARER = /\b(Bearer)(\s+)([A-Za-z0-9\-._~+/]+=*)/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Forms a secret takes in output besides itself: URL-encoded (form bodies) and JSON-escaped. */
function variants(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  forms.add(encodeURIComponent(secret).replace(/%20/g, "+"));
  return [...forms];
}

/** "Basic <x>" is a credential when x decodes to "id:secret" or does not read like an English word. */
function looksLikeBasic(token: string): boolean {
  if (/[0-9+/=]/.test(token)) return true;
  return Buffer.from(token, "base64").toString("latin1").includes(":");
}

/** "Bearer <x>" is a token unless x is a plain short word ("Bearer token" in prose). */
function looksLikeBearer(token: string): boolean {
  return /[^A-Za-z]/.test(token) || token.length >= 20;
}

/** A redactor for the given secrets (client secret, webhook secret, tokens); short or empty ones are ignored. */
export function createRedactor(secrets: string[], options: RedactorOptions = {}): Redactor {
  const known = new Set<string>();
  let pattern: RegExp | undefined;
  const rebuild = (): void => {
    const sorted = [...known].sort((a, b) => b.length - a.length).map(escapeRegExp);
    pattern = sorted.length > 0 ? new RegExp(sorted.join("|"), "g") : undefined;
  };
  const add = (secret: string): void => {
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) return;
    for (const form of variants(secret)) known.add(form);
    rebuild();
  };
  for (const secret of secrets) add(secret);
  for (const [id, secret] of options.pairs ?? []) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) add(Buffer.from(`${id}:${secret}`).toString("base64"));
  }

  const redact = (text: string): string => {
    let out = pattern ? text.replace(pattern, REDACTED) : text;
    out = out.replace(BASIC, (all, word, space, token: string) => (looksLikeBasic(token) ? `${word}${space}${REDACTED}` : all));
    out = out.replace(BEARER, (all, word, space, token: string) => (looksLikeBearer(token) ? `${word}${space}${REDACTED}` : all));
    return out;
  };

  const redactHeaders = <T extends string | string[] | number | undefined>(
    headers: Record<string, T>,
  ): Record<string, T | string> => {
    const out: Record<string, T | string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (SENSITIVE_HEADERS.has(name.toLowerCase())) out[name] = REDACTED;
      else if (typeof value === "string") out[name] = redact(value);
      else if (Array.isArray(value)) out[name] = value.map((v) => redact(String(v))) as T;
      else out[name] = value;
    }
    return out;
  };

  return { redact, redactHeaders, add };
}
