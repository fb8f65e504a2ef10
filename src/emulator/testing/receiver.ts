import http from "node:http";
import type { AddressInfo } from "node:net";
import { useHarness, type Harness } from "./harness";

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
