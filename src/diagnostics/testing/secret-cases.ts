import { Random } from "../../emulator/testing/random";

export { Random };

/** Key spellings that name a secret, as suites, bodies, headers, environment files and --var write them. */
export const SECRET_KEYS = [
  "secret", "client_secret", "CLIENT_SECRET", "secret_for_overridden_callback_urls", "WEBHOOK_SECRET", "webhookSecret",
  "access_token", "ACCESS_TOKEN", "refresh_token", "id_token", "token", "myToken", "password", "Password", "db_passwd",
  "api_key", "apiKey", "X-Api-Key", "authorization", "Authorization", "private_key", "credentials", "AWS_ACCESS_KEY",
];

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const BASE64URL = `${ALNUM}-_`;
const SYMBOLS = `${ALNUM}+/=%&?#"\\' :;,{}[]<>éß中`;

function base64url(rnd: Random, length: number): string {
  return rnd.string(length, BASE64URL);
}

/** A JWT-shaped string: header and payload are base64url JSON objects ("eyJ..."), then a signature. */
export function randomJwt(rnd: Random): string {
  const part = (json: object) => Buffer.from(JSON.stringify(json)).toString("base64url");
  const header = part({ alg: rnd.pick(["HS256", "RS256", "none"]), typ: "JWT" });
  const payload = part({ sub: base64url(rnd, rnd.int(4, 30)), exp: rnd.int(1, 2 ** 31) });
  return `${header}.${payload}.${base64url(rnd, rnd.pick([0, 16, 43, 86]))}`;
}

/** A secret value of one of many shapes: short and long, plain and with JSON, URL and YAML syntax in it, a JWT, base64. */
export function randomSecret(rnd: Random): string {
  switch (rnd.int(0, 4)) {
    case 0:
      return rnd.string(rnd.int(8, 64), ALNUM);
    case 1:
      return `${rnd.string(4, ALNUM)}${rnd.string(rnd.int(6, 40), SYMBOLS)}${rnd.string(4, ALNUM)}`;
    case 2:
      return randomJwt(rnd);
    case 3:
      return Buffer.from(rnd.string(rnd.int(6, 48), SYMBOLS)).toString("base64");
    default:
      return `${rnd.string(8, "0123456789abcdef")}-${rnd.string(4, "0123456789abcdef")}-${rnd.string(12, "0123456789abcdef")}`;
  }
}

/** The first piece of `secret` (the whole of a short one, else any 8 consecutive characters) that `text` shows, if any. */
export function leakedPart(text: string, secret: string, size = 8): string | undefined {
  if (secret.length <= size) return text.includes(secret) ? secret : undefined;
  for (let i = 0; i + size <= secret.length; i++) {
    const piece = secret.slice(i, i + size);
    if (text.includes(piece)) return piece;
  }
  return undefined;
}

/** A JSON value with `value` under `key` somewhere inside, at a random depth and position among other fields. */
export function nestSecret(rnd: Random, key: string, value: unknown): unknown {
  let node: unknown = { [key]: value };
  if (rnd.chance(0.5)) node = { ...{ id: rnd.string(6, ALNUM), n: 1 }, ...(node as object), tail: "x" };
  for (let depth = rnd.int(0, 5); depth > 0; depth--) {
    node = rnd.chance(0.3) ? [rnd.int(0, 9), node] : { [rnd.pick(["data", "items", "callback_settings", "webhook"])]: node, ok: true };
  }
  return node;
}
