import { join, resolve } from "node:path";
import { loadContract } from "../../contract";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { TokenManager } from "../../execute/auth";
import { createDispatcher, createSend } from "../../execute/http";
import { loadCollections } from "../../load";
import type { RegionTarget } from "../../model";
import { runCollection } from "./collection-run";
import { loadNewman } from "./newman-library";
import { startWebhookSink } from "./webhook-sink";

const ROOT = resolve(__dirname, "..", "..", "..");
const { contract } = loadContract(join(ROOT, "schemas"));
const [collection] = loadCollections(join(ROOT, "collections")).collections;

describe("runCollection: tokens from the token manager, injected into the newman run of one region", () => {
  let emulator: EmulatorHandle;
  let sink: Awaited<ReturnType<typeof startWebhookSink>>;
  const dispatcher = createDispatcher({ connectTimeoutMs: 5000 });

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    sink = await startWebhookSink();
  });
  afterAll(async () => {
    await sink?.close();
    await emulator?.close();
    await dispatcher.close();
  });

  it("renews the token ahead of expiry between requests, and the requests after that carry the new one", async () => {
    const newman = loadNewman();
    if ("missing" in newman) throw new Error(newman.missing);
    const target = emulator.targets().find((t) => t.region === "eu") as RegionTarget;
    // the clock of the token manager: an hour later after 20 readings (mid-run), so the first token is due for renewal
    let readings = 0;
    const issued: string[] = [];
    const tokens = new TokenManager(createSend(dispatcher), {
      now: () => Date.now() + (++readings > 20 ? 3_600_000 : 0),
      onIssued: (token) => issued.push(token),
    });
    // the last request answers a status its operation declares no schema for, so its step fails and keeps the request it sent
    await fetch(`${emulator.info.adminUrl}/changes`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "status", operation: "Apps/Delete app", status: 201 }),
    });
    const steps = await runCollection({
      newman, collection: collection!.json, target, variables: { WEBHOOK_URL: sink.url }, tokens, contract, strict: false, timeoutMs: 10_000,
      at: { file: "collection.json", line: 1, column: 1 },
    });
    await fetch(`${emulator.info.adminUrl}/changes`, { method: "DELETE" });
    expect(issued).toHaveLength(2);
    expect(issued[0]).not.toBe(issued[1]);
    expect(steps.filter((s) => s.outcome !== "passed").map((s) => [s.name, s.status])).toEqual([["Apps/Delete app", 201]]);
    const sent = steps.at(-1)!.exchange!.request.headers;
    expect(Object.entries(sent).find(([name]) => name.toLowerCase() === "authorization")?.[1]).toBe(`Bearer ${issued[1]}`);
  }, 60_000);

  it("is one error step with the token manager's code when the credentials are rejected", async () => {
    const newman = loadNewman();
    if ("missing" in newman) throw new Error(newman.missing);
    const target = { ...(emulator.targets().find((t) => t.region === "us") as RegionTarget), clientSecret: "wrong" };
    const steps = await runCollection({
      newman, collection: collection!.json, target, variables: {}, tokens: new TokenManager(createSend(dispatcher)), contract, strict: false, timeoutMs: 10_000,
      at: { file: "collection.json", line: 1, column: 1 },
    });
    expect(steps.map((s) => [s.name, s.outcome, s.error?.code])).toEqual([["token", "error", "CC_CREDENTIALS_REJECTED"]]);
  });
});
