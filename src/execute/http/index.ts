export type { HttpRequest, HttpResponse, RequestAuth, Send, SendContext } from "./types";
export { HttpError, toHttpError, type HttpFailureKind } from "./http-error";
export { createDispatcher, createSend } from "./dispatcher";
export { withRetry, type RetryOptions } from "./with-retry";
export { backoffDelay, parseRetryAfter } from "./backoff";
export { isIdempotent } from "./idempotent";
