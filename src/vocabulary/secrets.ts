/**
 * What counts as a secret, defined once. A value is a secret when the key it sits under names one (a body field,
 * a header, a suite or environment variable, a --var, a capture's name or path in any spelling: `$.access_token`,
 * `$['access_token']`, `$..access_token`), or when it has the shape of a JWT.
 */

/** Words that make a key secret-like wherever they occur in it (case-insensitive). */
const SECRET_WORDS = /secret|token|passw(?:or)?d|authorization|api[-_]?key|access[-_]?key|private[-_]?key|credential|cookie|signature$/i;

/** Keys that contain one of the words but name no secret: the token's type, a paging cursor, a counter. */
const NOT_SECRET = /^(?:token_type|(?:next_|prev_|previous_)?page_token|tokens?_(?:count|used|limit)|x-sinch-webhook-signature-(?:algorithm|timestamp|nonce))$/i;

/** The last name in a key: `$['a']['access_token']` -> access_token, `$..x.token_type` -> token_type. */
function lastName(key: string): string {
  const names = key.match(/[A-Za-z0-9_-]+/g);
  return names?.[names.length - 1] ?? key;
}

/** Whether a value under this key (or captured by this path, or held by this variable) is a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_WORDS.test(key) && !NOT_SECRET.test(lastName(key));
}

/**
 * A JWT (three base64url parts, the first a JSON object, so it begins with "eyJ"), wherever it appears.
 * Global: use it with String.replace, or reset lastIndex.
 */
export const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
