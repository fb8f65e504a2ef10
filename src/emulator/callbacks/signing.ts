import { createHmac } from "node:crypto";

/** The four headers Sinch adds to a signed callback. */
export interface SignatureHeaders {
  "x-sinch-webhook-signature-timestamp": string;
  "x-sinch-webhook-signature-nonce": string;
  "x-sinch-webhook-signature-algorithm": "HmacSHA256";
  "x-sinch-webhook-signature": string;
}

/** base64(HMAC_SHA256(secret, rawBody + "." + nonce + "." + timestamp)), padding kept. */
export function computeSignature(secret: string, rawBody: string, nonce: string, timestamp: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.from(`${rawBody}.${nonce}.${timestamp}`, "utf8"))
    .digest("base64");
}

/** The signature headers for the exact bytes about to be sent. */
export function signatureHeaders(secret: string, rawBody: string, nonce: string, unixSeconds: number): SignatureHeaders {
  const timestamp = String(unixSeconds);
  return {
    "x-sinch-webhook-signature-timestamp": timestamp,
    "x-sinch-webhook-signature-nonce": nonce,
    "x-sinch-webhook-signature-algorithm": "HmacSHA256",
    "x-sinch-webhook-signature": computeSignature(secret, rawBody, nonce, timestamp),
  };
}
