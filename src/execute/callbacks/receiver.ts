import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isIP, type AddressInfo } from "node:net";
import { DiagnosticError, makeDiagnostic } from "../../diagnostics";
import { triggerOfBody } from "./triggers";

/** One callback as it arrived: exact bytes, headers, and the body parsed once. */
export interface ReceivedCallback {
  raw: Buffer;
  headers: Record<string, string | string[] | undefined>;
  /** undefined when the body is not JSON */
  json: unknown;
  trigger?: string;
}

interface Waiter {
  accept(cb: ReceivedCallback): boolean;
  resolve(cb: ReceivedCallback | undefined): void;
}

interface Inbox {
  buffered: ReceivedCallback[];
  waiters: Waiter[];
  /** everything that arrived (the first MAX_KEPT), consumed or not: a callback step that waits in vain lists it */
  arrived: ReceivedCallback[];
}

const MAX_KEPT = 100;

const MAX_BODY = 5 * 1024 * 1024;

/** Where the receiver listens. */
export interface ReceiverAddress {
  host: string;
  /** 0 = a free port */
  port: number;
}

/** How this machine reaches a server bound to `host`: a wildcard address is reached on loopback. */
function reachableHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return isIP(host) === 6 ? `[${host}]` : host;
}

function listenFailure(e: unknown, at: ReceiverAddress): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  const where = `${reachableHost(at.host)}:${at.port}`;
  if (code === "EADDRINUSE") return new DiagnosticError(makeDiagnostic("CC_PORT_IN_USE", `the webhook receiver cannot listen on ${where}: the port is already in use`, undefined, "pick another --callback-listen port, or 0 for a free one"));
  if (code === "EACCES" || code === "EPERM" || code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return new DiagnosticError(makeDiagnostic("CC_PORT_IN_USE", `the webhook receiver cannot listen on ${where} (${code})`, undefined, "ports below 1024 need privileges, and the host must be an address of this machine; check --callback-listen"));
  }
  return e;
}

/**
 * The run's webhook receiver on 127.0.0.1: `POST /hooks/<suite key>` answers 200 at once and buffers
 * the callback for that suite run, so one that arrives before its step waits is not lost.
 */
export class CallbackReceiver {
  private server?: Server;
  private base = "";
  private readonly inboxes = new Map<string, Inbox>();

  /** Listen on `at` (default: a free port on 127.0.0.1); a port that cannot be used is a CC_PORT_IN_USE DiagnosticError. */
  async start(at: ReceiverAddress = { host: "127.0.0.1", port: 0 }): Promise<void> {
    const server = createServer((req, res) => this.receive(req, res));
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown): void => reject(listenFailure(e, at));
      server.once("error", fail);
      server.listen(at.port, at.host, () => {
        server.off("error", fail);
        resolve();
      });
    });
    this.server = server;
    this.base = `http://${reachableHost(at.host)}:${(server.address() as AddressInfo).port}`;
  }

  /** The receiver's own base URL. */
  get url(): string {
    return this.base;
  }

  /** The URL a suite run's webhooks point at. */
  hookUrl(key: string, publicBase?: string): string {
    return `${(publicBase ?? this.base).replace(/\/+$/, "")}/hooks/${encodeURIComponent(key)}`;
  }

  /** The first buffered or future callback of a suite run that `accept`s, consumed; undefined after withinMs or on abort. */
  take(key: string, accept: (cb: ReceivedCallback) => boolean, withinMs: number, signal?: AbortSignal): Promise<ReceivedCallback | undefined> {
    const inbox = this.inbox(key);
    const index = inbox.buffered.findIndex(accept);
    if (index >= 0) return Promise.resolve(inbox.buffered.splice(index, 1)[0]);
    return new Promise((resolve) => {
      const giveUp = (): void => {
        const index = inbox.waiters.indexOf(waiter);
        if (index >= 0) inbox.waiters.splice(index, 1);
        waiter.resolve(undefined);
      };
      const waiter: Waiter = {
        accept,
        resolve: (cb) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", giveUp);
          resolve(cb);
        },
      };
      const timer = setTimeout(giveUp, withinMs);
      signal?.addEventListener("abort", giveUp, { once: true });
      inbox.waiters.push(waiter);
    });
  }

  /** Every callback that reached a suite run so far (the first 100), in arrival order. */
  arrived(key: string): ReceivedCallback[] {
    return [...this.inbox(key).arrived];
  }

  /** Stop listening and drop buffered callbacks. */
  async close(): Promise<void> {
    for (const inbox of this.inboxes.values()) for (const w of [...inbox.waiters]) w.resolve(undefined);
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private inbox(key: string): Inbox {
    let inbox = this.inboxes.get(key);
    if (!inbox) {
      inbox = { buffered: [], waiters: [], arrived: [] };
      this.inboxes.set(key, inbox);
    }
    return inbox;
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const m = /^\/hooks\/([^/?]+)/.exec(req.url ?? "");
    if (req.method !== "POST" || !m) {
      res.writeHead(404).end();
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      this.deliver(safeDecode(m[1]!), { raw: Buffer.concat(chunks), headers: req.headers, json: undefined });
    });
  }

  private deliver(key: string, cb: ReceivedCallback): void {
    try {
      cb.json = JSON.parse(cb.raw.toString("utf8"));
    } catch {
      cb.json = undefined;
    }
    cb.trigger = triggerOfBody(cb.json);
    const inbox = this.inbox(key);
    if (inbox.arrived.length < MAX_KEPT) inbox.arrived.push(cb);
    const index = inbox.waiters.findIndex((w) => w.accept(cb));
    if (index < 0) {
      inbox.buffered.push(cb);
      return;
    }
    inbox.waiters.splice(index, 1)[0]!.resolve(cb);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
