import type { Dispatcher } from "undici";
import type { Attempt } from "../../model";

/** A request on its way to the wire; `auth` is applied by the auth layer, never stored in results. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** may be sent again after the server could have acted on it (GET/PUT/DELETE and listed POSTs) */
  idempotent: boolean;
  auth?: RequestAuth;
}

/** How the auth layer authenticates a request. */
export type RequestAuth = { mode: "oauth2"; region: string } | { mode: "basic"; region: string } | { mode: "none" };

/** A response with its body read once as text. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  durationMs: number;
}

/** Per-request bookkeeping shared by the layers: every attempt is recorded here. */
export interface SendContext {
  attempts: Attempt[];
  /** the run's interrupt: aborting it ends the request at once, in flight or waiting to be retried (absent for teardown steps, which always finish) */
  signal?: AbortSignal;
  /** called with each attempt as sent (auth applied) and its response, if one came (--verbose) */
  onAttempt?(req: HttpRequest, res: HttpResponse | undefined): void;
  /** the dispatcher to send through instead of the shared one: the suite's lane (Lanes) */
  dispatcher?: Dispatcher;
}

/** One layer of the HTTP stack (undici style: each wraps the one below, the bottom one owns the dispatcher). */
export type Send = (req: HttpRequest, ctx: SendContext) => Promise<HttpResponse>;
