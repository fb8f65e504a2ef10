import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type EmulatorHandle } from "../emulator";
import { collectionRequests, loadCollection } from "./collection-files";

/** The parts of newman's run summary this test reads (newman ships no types). */
interface Execution {
  item: { name: string };
  response?: { code: number };
  requestError?: { message: string };
  assertions?: Array<{ assertion: string; error?: { message: string } }>;
}
interface Summary {
  run: { executions: Execution[]; failures: Array<{ error: { message: string }; source?: { name?: string } }> };
}
type NewmanRun = (options: Record<string, unknown>, done: (err: Error | null, summary: Summary) => void) => void;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const newman = require("newman") as { run: NewmanRun };

function runNewman(options: Record<string, unknown>): Promise<Summary> {
  return new Promise((resolve, reject) => newman.run(options, (err, summary) => (err ? reject(err) : resolve(summary))));
}

/** A webhook target that accepts every callback, so the emulator's deliveries succeed. */
async function startSink(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callbacks` };
}

describe("the collection through newman against the emulator", () => {
  let emulator: EmulatorHandle;
  let sink: { server: Server; url: string };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    sink = await startSink();
  });
  afterAll(async () => {
    await emulator?.close();
    await new Promise((resolve) => sink?.server.close(resolve));
  });

  function environment(overrides: Record<string, string> = {}): { values: Array<Record<string, unknown>> } {
    const us = emulator.info.regions.us;
    const values: Record<string, string> = {
      REGION: "us",
      BASE_URL: us.baseUrl,
      AUTH_URL: us.authUrl,
      TEMPLATE_BASE_URL: us.templateBaseUrl,
      PROJECT: emulator.info.projectId,
      CLIENT_ID: emulator.info.clientId,
      CLIENT_SECRET: emulator.info.clientSecret,
      WEBHOOK_URL: sink.url,
      ...overrides,
    };
    return { values: Object.entries(values).map(([key, value]) => ({ key, value, type: "default", enabled: true })) };
  }

  it("runs every request top to bottom with a 2xx and leaves nothing behind", async () => {
    const summary = await runNewman({ collection: loadCollection(), environment: environment(), reporters: [] });
    const executed = summary.run.executions;
    const problems = executed.flatMap((e) => [
      ...(e.requestError ? [`${e.item.name}: ${e.requestError.message}`] : []),
      ...(e.assertions ?? []).filter((a) => a.error).map((a) => `${e.item.name}: ${a.error?.message ?? a.assertion}`),
      ...(e.response && (e.response.code < 200 || e.response.code > 299) ? [`${e.item.name}: HTTP ${e.response.code}`] : []),
    ]);
    expect(problems).toEqual([]);
    expect(summary.run.failures).toEqual([]);
    const names = new Set(executed.map((e) => e.item.name));
    const all = collectionRequests(loadCollection()).map((r) => r.item.name);
    expect(all.filter((n) => !names.has(n))).toEqual([]);
    // the chain ends with the contact and the app, deleted after everything that used them
    expect(executed.slice(-2).map((e) => e.item.name)).toEqual(["Delete contact", "Delete app"]);
    const state = (await (await fetch(`${emulator.info.adminUrl}/state`)).json()) as { totals: Record<string, number> };
    expect(Object.entries(state.totals).filter(([, n]) => n > 0)).toEqual([]);
  });

  it("fails the chain when the credentials are wrong", async () => {
    const summary = await runNewman({ collection: loadCollection(), environment: environment({ CLIENT_SECRET: "wrong" }), reporters: [], bail: true });
    const first = summary.run.executions[0];
    expect(first?.item.name).toBe("Get token");
    expect(first?.response?.code).toBe(401);
    expect(summary.run.failures.length).toBeGreaterThan(0);
  });
});
