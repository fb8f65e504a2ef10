/** What went wrong on the wire; "no-connection" means the server cannot have seen the request; "interrupted" is the run's own stop. */
export type HttpFailureKind = "no-connection" | "reset" | "timeout" | "interrupted" | "other";

/** A request that got no (complete) response, with a catalog code (CC_TARGET_UNREACHABLE, CC_NETWORK_ERROR, CC_TIMEOUT, CC_INTERRUPTED). */
export class HttpError extends Error {
  readonly code: string;
  readonly kind: HttpFailureKind;
  readonly durationMs: number;

  constructor(code: string, kind: HttpFailureKind, message: string, durationMs: number) {
    super(message);
    this.name = "HttpError";
    this.code = code;
    this.kind = kind;
    this.durationMs = durationMs;
  }
}

const NO_CONNECTION = new Set(["ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"]);
const RESET = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "UND_ERR_CLOSED"]);
const TIMEOUT = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Map an undici / socket error to an HttpError with a CC_ code and whether the server may have acted. */
export function toHttpError(error: unknown, durationMs: number): HttpError {
  if (error instanceof HttpError) return error;
  const low = lowCode(error);
  const text = error instanceof Error ? error.message : String(error);
  if (NO_CONNECTION.has(low)) return new HttpError("CC_TARGET_UNREACHABLE", "no-connection", `could not connect (${low})`, durationMs);
  if (RESET.has(low)) return new HttpError("CC_NETWORK_ERROR", "reset", `connection closed before a response (${low})`, durationMs);
  if (TIMEOUT.has(low)) return new HttpError("CC_TIMEOUT", "timeout", `no response in time (${low})`, durationMs);
  return new HttpError("CC_NETWORK_ERROR", "other", `request failed: ${low || text.slice(0, 200)}`, durationMs);
}

/** The network-level code of an error, looking through `cause` chains. */
export function lowCode(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return "";
}

/** The error of a request the run's interrupt stopped (in flight, or while it waited to be retried or polled again). */
export function interruptedError(what: string, durationMs = 0): HttpError {
  return new HttpError("CC_INTERRUPTED", "interrupted", `the run was interrupted ${what}`, durationMs);
}
