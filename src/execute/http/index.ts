export type { HttpRequest, HttpResponse, RequestAuth, Send, SendContext } from "./types";
export { HttpError } from "./http-error";
export { createDispatcher, createSend } from "./dispatcher";
export { withRetry } from "./with-retry";
export { isIdempotent } from "./idempotent";
export { withObserver } from "./observe";
