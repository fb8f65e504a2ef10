import { startReceiver, type Receiver } from "../testing/receiver";
import { waitFor } from "../testing/harness";
import { CallbackDispatcher } from "./dispatcher";

let rx: Receiver;
beforeEach(async () => {
  rx = await startReceiver();
});
afterEach(async () => {
  await rx.close();
});

const delivery = (target: string) => ({ trigger: "MESSAGE_DELIVERY", target, body: '{"a":1}', appId: "A", region: "us", projectId: "P" });

describe("CallbackDispatcher [docs: §7]", () => {
  it("retries with exponential backoff until a 2xx", async () => {
    rx.statuses.push(500, 503);
    const d = new CallbackDispatcher({ attempts: 5, baseDelayMs: 20 }, 1000);
    d.send(delivery(`${rx.url}/x`));
    const entry = await waitFor(() => d.entries().find((e) => e.state === "delivered"));
    expect(entry.attempts).toBe(3);
    expect(rx.received).toHaveLength(3);
    expect(rx.received.every((r) => r.raw === '{"a":1}')).toBe(true);
    d.close();
  });

  it("gives up after the configured attempts", async () => {
    rx.statuses.push(500, 500, 500, 500);
    const d = new CallbackDispatcher({ attempts: 2, baseDelayMs: 10 }, 1000);
    d.send(delivery(`${rx.url}/x`));
    const entry = await waitFor(() => d.entries().find((e) => e.state === "failed"));
    expect(entry).toMatchObject({ attempts: 2, last_status: 500 });
    d.close();
  });

  it("survives an unreachable target and records the error", async () => {
    const d = new CallbackDispatcher({ attempts: 2, baseDelayMs: 10 }, 500);
    d.send(delivery("http://127.0.0.1:1/closed"));
    const entry = await waitFor(() => d.entries().find((e) => e.state === "failed"));
    expect(entry.last_error).toBeDefined();
    d.close();
  });

  it("close() cancels pending retries [emulator-only]", async () => {
    rx.statuses.push(500, 500, 500, 500, 500);
    const d = new CallbackDispatcher({ attempts: 5, baseDelayMs: 200 }, 1000);
    d.send(delivery(`${rx.url}/x`));
    await waitFor(() => (rx.received.length >= 1 ? true : undefined));
    d.close();
    expect(d.entries()[0]?.state).toBe("cancelled");
    await new Promise((r) => setTimeout(r, 300));
    expect(rx.received).toHaveLength(1);
    d.send(delivery(`${rx.url}/x`));
    expect(d.entries()).toHaveLength(1);
  });
});
