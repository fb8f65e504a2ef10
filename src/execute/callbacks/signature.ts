import { createHmac, timingSafeEqual } from "node:crypto";

/** The four signing headers (lower case, as node:http gives them). */
export const SIGNATURE_HEADER = "x-sinch-webhook-signature";
const NONCE = "x-sinch-webhook-signature-nonce";
const TIMESTAMP = "x-sinch-webhook-signature-timestamp";
const ALGORITHM = "x-sinch-webhook-signature-algorithm";

/** base64(HMAC-SHA256(secret, rawBody + "." + nonce + "." + timestamp)) over the exact raw bytes. */
export function computeSignature(secret: string, rawBody: Buffer, nonce: string, timestamp: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(rawBody).update(`.${nonce}.${timestamp}`, "utf8").digest("base64");
}

/** Why a callback's signature does not hold: the header at fault and what is wrong with it (without repeating the header). */
export interface SignatureProblem {
  header: string;
  message: string;
}

/** Verify the x-sinch-webhook-signature* headers; undefined when the signature holds. */
export function verifySignature(headers: Record<string, string | string[] | undefined>, rawBody: Buffer,
  secret: string): SignatureProblem | undefined {
  const get = (name: string): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  for (const name of [SIGNATURE_HEADER, NONCE, TIMESTAMP]) {
    if (!get(name)) return { header: name, message: "is missing" };
  }
  const algorithm = get(ALGORITHM);
  if (algorithm !== undefined && algorithm !== "HmacSHA256") {
    return { header: ALGORITHM, message: `is "${algorithm.slice(0, 40)}", expected "HmacSHA256"` };
  }
  const expected = Buffer.from(computeSignature(secret, rawBody, get(NONCE)!, get(TIMESTAMP)!));
  const actual = Buffer.from(get(SIGNATURE_HEADER)!);
  if (actual.length === expected.length && timingSafeEqual(actual, expected)) return undefined;
  return { header: SIGNATURE_HEADER, message: "does not match the body signed with WEBHOOK_SECRET" };
}
