/** Where one region's requests go, and with which credentials. */
export interface RegionTarget {
  region: string;
  baseUrl: string;
  /** token endpoint is `${authUrl}/oauth2/token` */
  authUrl: string;
  templateBaseUrl: string;
  projectId: string;
  clientId: string;
  clientSecret: string;
}

/** Retry policy for transient failures (5xx, 429, connection resets). */
export interface BackoffPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** the whole budget for one request including waits */
  maxTotalMs: number;
}

/** Everything execute needs besides the plan, resolved once by the CLI. */
export interface ExecuteOptions {
  concurrency: number;
  bail: boolean;
  strict: boolean;
  /** report every request and response of a step as it happens (RunEvents.onExchange) */
  verbose?: boolean;
  requestTimeoutMs: number;
  backoff: BackoffPolicy;
  /** public URL that forwards to the run's webhook receiver (real regions); default: the receiver's own URL */
  callbackUrl?: string;
  /** send each request with its suite run's key (vocabulary/suite-run-header.ts): the in-process emulator then knows who created what */
  tagRequests?: boolean;
  /** where the webhook receiver listens; default 127.0.0.1 on a free port */
  callbackListen?: { host: string; port: number };
}
