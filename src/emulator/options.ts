import type { Contract } from "../model";
import type { CallbackFormat } from "./callbacks/format";

/** Callback retry policy: attempts in total, first wait, doubling after each failure. */
export interface CallbackRetryOptions {
  attempts: number;
  baseDelayMs: number;
}

/** What a caller may set when starting the emulator; everything has a default. */
export interface EmulatorOptions {
  port?: number;
  host?: string;
  projectId?: string;
  clientId?: string;
  clientSecret?: string;
  tokenLifetimeSec?: number;
  /** delay between message/event status steps (QUEUED_ON_CHANNEL -> DELIVERED -> READ) */
  deliveryStepMs?: number;
  callbackRetry?: Partial<CallbackRetryOptions>;
  /** per-attempt timeout of a callback POST */
  callbackTimeoutMs?: number;
  /** how callback bodies are serialised (default compact; the admin API sets it per webhook) */
  callbackFormat?: CallbackFormat;
  /** a contract already loaded by the caller (its operation map is what the emulator serves); otherwise schemas/ is loaded at start */
  contract?: Contract;
  /** validate request bodies against the request schemas (default true) */
  validateRequests?: boolean;
  /** called for every reply or callback that breaks its schema or carries fields it does not name (the tests use it) */
  onReplyViolation?: (report: ReplyViolation) => void;
  /** called when a handler fails unexpectedly (the reply is then a 500); the tests use it */
  onInternalError?: (report: InternalError) => void;
  /** request body limit in bytes (default 1 MiB) */
  bodyLimit?: number;
}

/** A request whose handler threw something other than an API error. */
export interface InternalError {
  method: string;
  url: string;
  error: unknown;
}

/** A reply that did not validate against the schema its route declares. */
export interface ReplyViolation {
  method: string;
  url: string;
  status: number;
  schema: string;
  messages: string[];
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  port: number;
  host: string;
  projectId: string;
  clientId: string;
  clientSecret: string;
  tokenLifetimeSec: number;
  deliveryStepMs: number;
  callbackRetry: CallbackRetryOptions;
  callbackTimeoutMs: number;
  callbackFormat: CallbackFormat;
  contract?: Contract;
  validateRequests: boolean;
  onReplyViolation?: (report: ReplyViolation) => void;
  onInternalError?: (report: InternalError) => void;
  bodyLimit: number;
}

/** The documented defaults. */
export const DEFAULTS = {
  host: "127.0.0.1",
  projectId: "6f2b1e0a-5c1d-4c39-9d1e-0e6a1c0ffee0",
  clientId: "emulator-client",
  clientSecret: "emulator-secret",
  tokenLifetimeSec: 3600,
  deliveryStepMs: 20,
  callbackRetry: { attempts: 5, baseDelayMs: 100 },
  callbackTimeoutMs: 2000,
  callbackFormat: "compact",
  bodyLimit: 1024 * 1024,
} as const;

/** Fill in the defaults; an option given as undefined counts as not given. */
export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  const { callbackRetry, ...given } = o;
  return {
    port: 0, validateRequests: true, ...DEFAULTS, ...definedOnly(given),
    callbackRetry: { ...DEFAULTS.callbackRetry, ...definedOnly(callbackRetry ?? {}) },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
