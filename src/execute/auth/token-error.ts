/**
 * A token could not be had: CC_CREDENTIALS_REJECTED (the endpoint said 401/403), CC_TARGET_UNREACHABLE (no
 * connection to the token endpoint) or CC_TOKEN_FAILED (anything else: it answered, or the answer was cut off).
 */
export class TokenError extends Error {
  readonly code: "CC_CREDENTIALS_REJECTED" | "CC_TARGET_UNREACHABLE" | "CC_TOKEN_FAILED";

  constructor(code: TokenError["code"], message: string) {
    super(message);
    this.name = "TokenError";
    this.code = code;
  }
}
