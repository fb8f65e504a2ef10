/**
 * What counts as a secret, defined once. A value is a secret when the key it sits under names one (a body field,
 * a header, a suite or environment variable, a --var, a capture's name or path in any spelling: `$.access_token`,
 * `$['access_token']`, `$..access_token`), or when it has the shape of a JWT.
 */

/** Words that make a key secret-like wherever they occur in it (case-insensitive; "signature" only at its end). */
export const SECRET_WORD = "secret|token|passw(?:or)?d|authorization|api[-_]?key|access[-_]?key|private[-_]?key|cookie|signature";
const SECRET_WORDS = new RegExp(SECRET_WORD.replace("signature", "signature$"), "i");

/** Keys that contain one of the words but name no secret: the token's type, a paging cursor, a counter. */
const NOT_SECRET = /^(?:token_type|(?:next_|prev_|previous_)?page_token|tokens?_(?:count|used|limit)|x-sinch-webhook-signature-(?:algorithm|timestamp|nonce))$/i;

/** A template (`{{X}}`) or a JSONPath written where a value could be: the value is known only once rendered or captured. */
const PLACEHOLDER = /\{\{|^\$(?:$|[.[])/;

/** The last name in a key: `$['a']['access_token']` -> access_token, `$..x.token_type` -> token_type. */
function lastName(key: string): string {
  const names = key.match(/[A-Za-z0-9_-]+/g);
  return names?.[names.length - 1] ?? key;
}

/** isSecretKey's answers for short keys: a run asks about the same few body fields for every response. */
const secretKeyMemo = new Map<string, boolean>();
const MEMO_KEYS = 4096;
const MEMO_KEY_LENGTH = 128;

/** Whether a value under this key (or captured by this path, or held by this variable) is a secret. */
export function isSecretKey(key: string): boolean {
  const known = secretKeyMemo.get(key);
  if (known !== undefined) return known;
  const secret = SECRET_WORDS.test(key) && !NOT_SECRET.test(lastName(key));
  if (key.length <= MEMO_KEY_LENGTH) {
    if (secretKeyMemo.size >= MEMO_KEYS) secretKeyMemo.clear();
    secretKeyMemo.set(key, secret);
  }
  return secret;
}

/** Whether a written value only names where the value comes from (a template, a JSONPath). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/**
 * A JWT (three base64url parts, the first a JSON object, so it begins with "eyJ"), wherever it appears.
 * Global: use it with String.replace, or reset lastIndex.
 */
export const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

/**
 * Every string and number under a secret-like key of a JSON-like value, placeholders left out. Walked without
 * recursion: bodies may nest thousands of levels deep.
 */
export function secretValuesIn(root: unknown): string[] {
  const found: string[] = [];
  collectSecretValues(root, found);
  return found.length === 0 ? found : found.filter((v) => !isPlaceholder(v));
}

/**
 * The walk of secretValuesIn, on its own: a long first walk (a whole suite) gets it compiled in the middle of its
 * loop, and code after that loop would then be compiled without ever having run, and be thrown away on every call.
 */
function collectSecretValues(root: unknown, found: string[]): void {
  // two parallel stacks rather than a pair per node: this runs on every response body
  const nodes: unknown[] = [root];
  const secret: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const underSecret = secret.pop()!;
    if (typeof node === "string" || typeof node === "number") {
      if (underSecret) found.push(String(node));
      continue;
    }
    if (Array.isArray(node)) {
      for (const item of node) {
        nodes.push(item);
        secret.push(underSecret);
      }
    } else if (typeof node === "object" && node !== null) {
      for (const key of Object.keys(node)) {
        nodes.push((node as Record<string, unknown>)[key]);
        secret.push(underSecret || isSecretKey(key));
      }
    }
  }
}
