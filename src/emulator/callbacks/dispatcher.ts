import type * as Undici from "undici";
import { newId } from "../ids";
import type { CallbackRetryOptions } from "../options";
import { TimerSet } from "../timers";
import { CallbackFormats, type CallbackFormat } from "./format";
import { signatureHeaders } from "./signing";

/** One callback to deliver: where, what, and with which secret. */
export interface Delivery {
  trigger: string;
  target: string;
  secret?: string;
  body: string;
  appId: string;
  webhookId?: string;
  region: string;
  projectId: string;
}

/** What the admin callback log shows for one delivery. */
export interface DeliveryLogEntry {
  id: string;
  trigger: string;
  target: string;
  app_id: string;
  webhook_id?: string;
  region: string;
  project_id: string;
  signed: boolean;
  state: "pending" | "delivered" | "failed" | "cancelled";
  attempts: number;
  last_status?: number;
  last_error?: string;
  created_at: string;
  updated_at: string;
}

const LOG_LIMIT = 2000;

let undici: typeof Undici | undefined;

/** undici is loaded on the first callback, not at start: it is a tenth of a second the emulator need not wait for. */
function request(...args: Parameters<typeof Undici.request>): ReturnType<typeof Undici.request> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  undici ??= require("undici") as typeof Undici;
  return undici.request(...args);
}

/** Posts callbacks in the background with exponential-backoff retries; never throws, never blocks a reply. */
export class CallbackDispatcher {
  private readonly timers = new TimerSet();
  private readonly inflight = new Set<AbortController>();
  private readonly log: DeliveryLogEntry[] = [];
  private closed = false;
  /** how each webhook's callback bodies are serialised */
  readonly formats: CallbackFormats;

  constructor(private readonly retry: CallbackRetryOptions, private readonly timeoutMs: number, format: CallbackFormat = "compact") {
    this.formats = new CallbackFormats(format);
  }

  /** Queue a delivery; the first attempt runs on the next tick. */
  send(d: Delivery): void {
    if (this.closed) return;
    const now = new Date().toISOString();
    const entry: DeliveryLogEntry = {
      id: newId(), trigger: d.trigger, target: d.target, app_id: d.appId, webhook_id: d.webhookId,
      region: d.region, project_id: d.projectId, signed: Boolean(d.secret), state: "pending",
      attempts: 0, created_at: now, updated_at: now,
    };
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    this.timers.after(0, () => this.attempt(d, entry));
  }

  /** The delivery log, oldest first. */
  entries(): DeliveryLogEntry[] {
    return this.log.slice();
  }

  /** Deliveries not finished yet. */
  pendingCount(): number {
    return this.log.filter((e) => e.state === "pending").length;
  }

  /** Cancel everything pending and in flight, and forget the log and the per-webhook formats. */
  reset(): void {
    this.cancelAll();
    this.log.length = 0;
    this.formats.reset();
  }

  /** Cancel pending deliveries for good. */
  close(): void {
    this.closed = true;
    this.cancelAll();
  }

  private cancelAll(): void {
    this.timers.clear();
    for (const c of this.inflight) c.abort();
    this.inflight.clear();
    for (const e of this.log) if (e.state === "pending") e.state = "cancelled";
  }

  private async attempt(d: Delivery, entry: DeliveryLogEntry): Promise<void> {
    if (entry.state !== "pending") return;
    entry.attempts += 1;
    const controller = new AbortController();
    this.inflight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (d.secret) Object.assign(headers, signatureHeaders(d.secret, d.body, newId(), Math.floor(Date.now() / 1000)));
      const res = await request(d.target, { method: "POST", headers, body: d.body, signal: controller.signal });
      await res.body.dump();
      entry.last_status = res.statusCode;
      delete entry.last_error;
      if (res.statusCode >= 200 && res.statusCode < 300) return this.finish(entry, "delivered");
    } catch (err) {
      entry.last_error = err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
      this.inflight.delete(controller);
    }
    this.scheduleRetry(d, entry);
  }

  private scheduleRetry(d: Delivery, entry: DeliveryLogEntry): void {
    if (entry.state !== "pending") return;
    if (entry.attempts >= this.retry.attempts) return this.finish(entry, "failed");
    entry.updated_at = new Date().toISOString();
    const wait = this.retry.baseDelayMs * 2 ** (entry.attempts - 1);
    this.timers.after(wait, () => this.attempt(d, entry));
  }

  private finish(entry: DeliveryLogEntry, state: DeliveryLogEntry["state"]): void {
    entry.state = state;
    entry.updated_at = new Date().toISOString();
  }
}
