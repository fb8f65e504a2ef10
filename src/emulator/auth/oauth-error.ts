import type { ApiError } from "../errors";

/** The error body of the token endpoint (ORY Hydra style), not the API's {"error": {...}} envelope. */
export interface OAuthErrorBody {
  [field: string]: unknown;
  error: string;
  error_verbose: string;
  error_description: string;
  error_hint: string;
}

/** ORY's error names for the statuses the token endpoint can answer with. */
const ERROR_NAMES: Record<number, string> = {
  400: "invalid_request",
  401: "invalid_client",
  403: "request_forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "invalid_request",
  429: "too_many_requests",
  503: "temporarily_unavailable",
};

/** A token endpoint error body. */
export function oauthError(error: string, description: string, hint: string): OAuthErrorBody {
  return { error, error_verbose: description, error_description: description, error_hint: hint };
}

function hintFor(status: number): string {
  if (status === 413) return "Send a smaller form body.";
  if (status === 405) return "Send POST with a form body.";
  if (status === 400) return "Send grant_type=client_credentials as a form field, with HTTP Basic client authentication.";
  return status >= 500 || status === 429 ? "Retry later." : "Check the request.";
}

/** An API error as the token endpoint reports it. */
export function oauthErrorOf(err: Pick<ApiError, "code" | "message">): OAuthErrorBody {
  const name = ERROR_NAMES[err.code] ?? (err.code >= 500 ? "server_error" : "invalid_request");
  return oauthError(name, err.message, hintFor(err.code));
}
