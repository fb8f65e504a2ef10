import { isSecretKey, JWT_SHAPE, secretValuesIn } from "../vocabulary/secrets";
import { redactKeyedValues } from "./redact-keyed";

/** Replaces secrets in text and headers; every writer of output goes through one. */
export interface Redactor {
  redact(text: string): string;
  /** sensitive headers become "[REDACTED]", the others are redacted as text */
  redactHeaders<T extends string | string[] | number | undefined>(headers: Record<string, T>): Record<string, T | string>;
  /** learn a secret that appeared during the run (an access token) */
  add(secret: string): void;
  /**
   * Learn every value under a secret-like key (vocabulary/secrets) anywhere in a JSON-like value: a body, a
   * suite, a set of variables. Templates (`{{X}}`) and JSONPaths are not values and are left alone.
   */
  learn(value: unknown): void;
  /** learn values found under secret-like keys before (SuiteFacts.writtenSecrets), as `learn` would have */
  learnSecrets(secrets: Iterable<string>): void;
}

/** Extra knowledge for a redactor. */
export interface RedactorOptions {
  /** (id, secret) pairs whose base64 "id:secret" must also disappear (Basic credentials) */
  pairs?: Array<[string, string]>;
}

export const REDACTED = "[REDACTED]";
/** Secrets shorter than this are ignored: redacting "a" or "us" would shred every message. */
const MIN_SECRET_LENGTH = 4;
const SENSITIVE_HEADERS = new Set(["authorization", "proxy-authorization", "x-sinch-webhook-signature", "cookie", "set-cookie"]);
const BASIC = /\b(Basic)(\s+)([A-Za-z0-9+/]+=*)/gi;
/** "Basic x" or "Bearer x" as a whole value (a header written in a suite): x is the secret. */
const AUTH_SCHEME = /^\s*(?:Basic|Bearer|Token)\s+(\S+)\s*$/i;
const BEARER = /\b(Bearer)(\s+)([A-Za-z0-9\-._~+/]+=*)/gi;
/** What BASIC and BEARER both start with: a text without it needs neither pass. */
const AUTH_WORD = /\b(?:Basic|Bearer)\s/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Forms a secret takes in output besides itself: URL-encoded (form bodies) and JSON-escaped (once and twice). */
function variants(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const forms = new Set([secret, escaped, JSON.stringify(escaped).slice(1, -1)]);
  try {
    forms.add(encodeURIComponent(secret)).add(encodeURIComponent(secret).replace(/%20/g, "+"));
  } catch {
    // a lone surrogate has no URL-encoded form
  }
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

/** The known secrets as one pattern, rebuilt only when one was added since the last use. */
function secretPattern(): { add(forms: string[]): void; current(): RegExp | undefined } {
  const known = new Set<string>();
  let pattern: RegExp | undefined;
  let stale = false;
  return {
    add(forms) {
      for (const form of forms) {
        if (known.has(form)) continue;
        known.add(form);
        stale = true;
      }
    },
    current() {
      if (stale) {
        const sorted = [...known].sort((a, b) => b.length - a.length).map(escapeRegExp);
        pattern = new RegExp(sorted.join("|"), "g");
        stale = false;
      }
      return pattern;
    },
  };
}

function redactText(text: string, pattern: RegExp | undefined): string {
  let out = pattern ? text.replace(pattern, REDACTED) : text;
  if (out.includes("eyJ")) out = out.replace(JWT_SHAPE, REDACTED); // every JWT starts so: most texts need no scan by the pattern
  if (AUTH_WORD.test(out)) {
    out = out.replace(BASIC, (all, word, space, token: string) => (looksLikeBasic(token) ? `${word}${space}${REDACTED}` : all));
    out = out.replace(BEARER, (all, word, space, token: string) => (looksLikeBearer(token) ? `${word}${space}${REDACTED}` : all));
  }
  return redactKeyedValues(out, REDACTED);
}

/** A redactor for the given secrets (client secret, webhook secret, tokens); short or empty ones are ignored. */
export function createRedactor(secrets: string[], options: RedactorOptions = {}): Redactor {
  const known = secretPattern();
  const add = (secret: string): void => {
    if (typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH) known.add(variants(secret));
  };
  for (const secret of secrets) add(secret);
  for (const [id, secret] of options.pairs ?? []) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) add(Buffer.from(`${id}:${secret}`).toString("base64"));
  }
  const redact = (text: string): string => redactText(text, known.current());

  const redactHeaders = <T extends string | string[] | number | undefined>(headers: Record<string, T>): Record<string, T | string> => {
    const out: Record<string, T | string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (SENSITIVE_HEADERS.has(name.toLowerCase()) || isSecretKey(name)) out[name] = REDACTED;
      else if (typeof value === "string") out[name] = redact(value);
      else if (Array.isArray(value)) out[name] = value.map((v) => redact(String(v))) as T;
      else out[name] = value;
    }
    return out;
  };

  const learnSecrets = (secrets: Iterable<string>): void => {
    for (const secret of secrets) {
      add(secret);
      const credential = AUTH_SCHEME.exec(secret)?.[1];
      if (credential !== undefined) add(credential);
    }
  };
  const learn = (value: unknown): void => learnSecrets(secretValuesIn(value));
  return { redact, redactHeaders, add, learn, learnSecrets };
}
