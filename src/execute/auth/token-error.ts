/** A token could not be had: CC_CREDENTIALS_REJECTED (the endpoint said 401/403) or CC_TOKEN_FAILED (anything else). */
export class TokenError extends Error {
  readonly code: "CC_CREDENTIALS_REJECTED" | "CC_TOKEN_FAILED";

  constructor(code: TokenError["code"], message: string) {
    super(message);
    this.name = "TokenError";
    this.code = code;
  }
}
