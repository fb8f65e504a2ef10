import http from "node:http";
import type { AddressInfo } from "node:net";
import { smsApp, useHarness, type Harness } from "./harness";

/** One callback the receiver got. */
export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A small webhook receiver on 127.0.0.1:0; `statuses` answers the first requests (then 200). */
export interface Receiver {
  url: string;
  received: Received[];
  statuses: number[];
  close(): Promise<void>;
}

/** Start a receiver. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      received.push({ path: req.url ?? "", headers: req.headers, raw, json });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * Jest lifecycle for a test file that needs a started emulator and a callback receiver: starts both once,
 * closes both at the end, and fails any test after which a reply or callback broke its schema.
 */
export function useHarnessAndReceiver(onStarted: (started: { h: Harness; rx: Receiver }) => void): void {
  let rx: Receiver | undefined;
  useHarness(async (h) => {
    rx = await startReceiver();
    onStarted({ h, rx });
  });
  afterAll(async () => {
    await rx?.close();
  });
}

/** An app with one webhook aimed at the receiver, on a path of its own (`/hooks/{app id}`). */
export interface AppWithWebhook {
  appId: string;
  webhookId: string;
  /** the receiver path the app's callbacks arrive on */
  path: string;
}

/** Create an SMS app (`app` fields over smsApp()) and a webhook for `triggers`, signed with `secret` when given. */
export async function appWithWebhook(
  ctx: { h: Harness; rx: Receiver },
  o: { triggers: string[]; app?: Record<string, unknown>; secret?: string },
): Promise<AppWithWebhook> {
  const app = await ctx.h.api("POST", "/apps", { body: smsApp(o.app) });
  const path = `/hooks/${app.body.id}`;
  const body = { app_id: app.body.id, target: `${ctx.rx.url}${path}`, triggers: o.triggers, ...(o.secret ? { secret: o.secret } : {}) };
  const hook = await ctx.h.api("POST", "/webhooks", { body });
  if (hook.status !== 200) throw new Error(`webhook not created: ${hook.text}`);
  return { appId: app.body.id, webhookId: hook.body.id, path };
}
