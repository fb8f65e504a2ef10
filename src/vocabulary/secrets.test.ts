import { SECRET_KEYS } from "../diagnostics/testing/secret-cases";
import { isSecretKey, JWT_SHAPE } from "./secrets";

describe("isSecretKey", () => {
  it("knows every key that names a secret, in any case and as the last name of a path in any spelling", () => {
    for (const key of SECRET_KEYS) {
      for (const spelling of [key, key.toLowerCase(), key.toUpperCase(), `$.${key}`, `$['${key}']`, `$["${key}"]`, `$..${key}`, `$.data[0].${key}`, `$.auth.${key}`]) {
        expect([spelling, isSecretKey(spelling)]).toEqual([spelling, true]);
      }
    }
  });

  it("leaves keys that only look alike: the token's type, paging cursors, counters, the signature's companions", () => {
    const plain = ["name", "id", "display_name", "token_type", "$.token_type", "next_page_token", "$['next_page_token']", "page_token",
      "tokens_used", "x-sinch-webhook-signature-timestamp", "x-sinch-webhook-signature-nonce", "x-sinch-webhook-signature-algorithm",
      "expires_in", "keyword", "monkey", "status"];
    for (const key of plain) expect([key, isSecretKey(key)]).toEqual([key, false]);
  });
});

describe("JWT_SHAPE", () => {
  it("finds a JWT anywhere in text and nothing in prose", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    expect(`x${jwt} and "${jwt}"`.replace(JWT_SHAPE, "#")).toBe('x# and "#"');
    expect("eyJ is a prefix. Another sentence.".replace(JWT_SHAPE, "#")).toBe("eyJ is a prefix. Another sentence.");
  });
});
