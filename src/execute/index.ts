export { runPlan } from "./run-plan";
export type { RunPlanContext } from "./run-context";
export { totalsOf, suiteOutcome } from "./run-result";
export { CallbackReceiver, computeSignature, verifySignature, TRIGGER_KEYS, triggerOfBody } from "./callbacks";
export { TokenManager, TokenError, withAuth } from "./auth";
export { createDispatcher, createSend, withRetry, isIdempotent, HttpError } from "./http";
export type { HttpRequest, HttpResponse, Send, SendContext } from "./http";
