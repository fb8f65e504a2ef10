/** One entry of google.rpc.BadRequest.field_violations. */
export interface FieldViolation {
  field: string;
  description: string;
}

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  405: "UNIMPLEMENTED",
  409: "ALREADY_EXISTS",
  413: "INVALID_ARGUMENT",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL_ERROR",
  501: "NOT_IMPLEMENTED",
  503: "UNAVAILABLE",
};

/** The Google-RPC status name the emulator uses for an HTTP code. */
function statusName(code: number): string {
  return STATUS_NAMES[code] ?? (code >= 500 ? "INTERNAL_ERROR" : "INVALID_ARGUMENT");
}

/** An error the API reports to its caller in the {"error":{...}} envelope. */
export class ApiError extends Error {
  readonly code: number;
  readonly status: string;
  readonly details: unknown[];
  readonly headers: Record<string, string>;

  constructor(code: number, message: string, details: unknown[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.status = statusName(code);
    this.details = details;
    this.headers = headers;
  }

  /** The JSON body sent for this error. */
  envelope(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message, status: this.status, details: this.details } };
  }
}

/** The error body of the Conversation API. */
export interface ErrorEnvelope {
  error: { code: number; message: string; status: string; details: unknown[] };
}

/** 400 INVALID_ARGUMENT with google.rpc.BadRequest field violations. */
export function invalidArgument(violations: FieldViolation[], message = "Invalid argument"): ApiError {
  return new ApiError(400, message, [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", field_violations: violations },
  ]);
}

/** 400 for one field. */
export function badField(field: string, description: string): ApiError {
  return invalidArgument([{ field, description }]);
}

/** 404 for a resource that does not exist in this project and region. */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, `${kind} ${id} not found`);
}

/** 401 UNAUTHENTICATED, optionally with a WWW-Authenticate header. */
export function unauthenticated(message = "Request had invalid credentials.", wwwAuthenticate?: string): ApiError {
  const headers: Record<string, string> = wwwAuthenticate ? { "www-authenticate": wwwAuthenticate } : {};
  return new ApiError(401, message, [{ "@type": "type.googleapis.com/google.rpc.RetryInfo" }], headers);
}
