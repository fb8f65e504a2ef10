export type { HttpRequest, HttpResponse, RequestAuth, Send, SendContext } from "./types";
export { HttpError, interruptedError } from "./http-error";
export { createDispatcher, createSend } from "./dispatcher";
export { Lanes } from "./lanes";
export { withRetry } from "./with-retry";
export { isIdempotent } from "./idempotent";
export { withObserver } from "./observe";
