import type { Contract } from "../model";

/** Regions the emulator serves, each with its own store. */
export const REGIONS = ["us", "eu", "br"] as const;
/** One of the emulated regions. */
export type Region = (typeof REGIONS)[number];

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
  /** false (default) or true for fastify's own logger */
  logger?: boolean;
  /** a contract already loaded by the caller; otherwise schemas/ is loaded at start */
  contract?: Contract;
  /** validate request bodies against the request schemas (default true) */
  validateRequests?: boolean;
  /** called for every reply or callback that breaks its schema or carries fields it does not name (the tests use it) */
  onReplyViolation?: (report: ReplyViolation) => void;
  /** request body limit in bytes (default 1 MiB) */
  bodyLimit?: number;
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
  logger: boolean;
  contract?: Contract;
  validateRequests: boolean;
  onReplyViolation?: (report: ReplyViolation) => void;
  bodyLimit: number;
}

/** The documented defaults (COMMON.md item 3). */
export const DEFAULTS = {
  host: "127.0.0.1",
  projectId: "6f2b1e0a-5c1d-4c39-9d1e-0e6a1c0ffee0",
  clientId: "emulator-client",
  clientSecret: "emulator-secret",
  tokenLifetimeSec: 3600,
  deliveryStepMs: 20,
  callbackRetry: { attempts: 5, baseDelayMs: 100 },
  callbackTimeoutMs: 2000,
  bodyLimit: 1024 * 1024,
} as const;

/** Fill in the defaults. */
export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  return {
    port: o.port ?? 0,
    host: o.host ?? DEFAULTS.host,
    projectId: o.projectId ?? DEFAULTS.projectId,
    clientId: o.clientId ?? DEFAULTS.clientId,
    clientSecret: o.clientSecret ?? DEFAULTS.clientSecret,
    tokenLifetimeSec: o.tokenLifetimeSec ?? DEFAULTS.tokenLifetimeSec,
    deliveryStepMs: o.deliveryStepMs ?? DEFAULTS.deliveryStepMs,
    callbackRetry: {
      attempts: o.callbackRetry?.attempts ?? DEFAULTS.callbackRetry.attempts,
      baseDelayMs: o.callbackRetry?.baseDelayMs ?? DEFAULTS.callbackRetry.baseDelayMs,
    },
    callbackTimeoutMs: o.callbackTimeoutMs ?? DEFAULTS.callbackTimeoutMs,
    logger: o.logger ?? false,
    contract: o.contract,
    validateRequests: o.validateRequests ?? true,
    onReplyViolation: o.onReplyViolation,
    bodyLimit: o.bodyLimit ?? DEFAULTS.bodyLimit,
  };
}

/** True when a string names an emulated region. */
export function isRegion(s: string): s is Region {
  return (REGIONS as readonly string[]).includes(s);
}
