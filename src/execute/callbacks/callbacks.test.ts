import { request } from "undici";
import { loadSignatureVectors } from "../../testdata";
import { CallbackReceiver } from "./receiver";
import { computeSignature, verifySignature } from "./signature";
import { triggerOfBody } from "./triggers";

interface Vector {
  secret: string;
  headers: Record<string, string>;
  raw_body: string;
  expected_signature: string;
  trigger: string;
}

// contact-create, message-delivery, multiline-event-inbound (file name order)
const vectors: Vector[] = loadSignatureVectors();

describe("callback signatures", () => {
  it.each(vectors.map((v) => [v.trigger, v] as const))("verifies the %s vector", (_t, v) => {
    const raw = Buffer.from(v.raw_body, "utf8");
    const nonce = v.headers["x-sinch-webhook-signature-nonce"]!;
    const ts = v.headers["x-sinch-webhook-signature-timestamp"]!;
    expect(computeSignature(v.secret, raw, nonce, ts)).toBe(v.expected_signature);
    expect(verifySignature(v.headers, raw, v.secret)).toBeUndefined();
    expect(triggerOfBody(JSON.parse(v.raw_body))).toBe(v.trigger);
  });

  it("fails on a wrong secret, a changed byte, or a missing header, naming the header", () => {
    const v = vectors[2]!;
    const raw = Buffer.from(v.raw_body, "utf8");
    expect(verifySignature(v.headers, raw, "other")?.header).toBe("x-sinch-webhook-signature");
    expect(verifySignature(v.headers, Buffer.from(v.raw_body.trimEnd()), v.secret)?.header).toBe("x-sinch-webhook-signature");
    const { ["x-sinch-webhook-signature-nonce"]: _n, ...noNonce } = v.headers;
    expect(verifySignature(noNonce, raw, v.secret)).toEqual({
      header: "x-sinch-webhook-signature-nonce", message: "is missing" });
    expect(verifySignature({ ...v.headers, "x-sinch-webhook-signature-algorithm": "HmacSHA1" }, raw, v.secret)?.header)
      .toBe("x-sinch-webhook-signature-algorithm");
  });
});

describe("callback receiver", () => {
  let receiver: CallbackReceiver;
  beforeEach(async () => { receiver = new CallbackReceiver(); await receiver.start(); });
  afterEach(async () => { await receiver.close(); });

  const post = async (key: string, body: string, headers: Record<string, string> = {}): Promise<number> => {
    const res = await request(receiver.hookUrl(key), { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
    await res.body.text();
    return res.statusCode;
  };
  const isDelivery = (cb: { json: unknown }): boolean => triggerOfBody(cb.json) === "MESSAGE_DELIVERY";

  it("buffers a callback that arrives before the step waits, keeping raw bytes and headers", async () => {
    const v = vectors[2]!;
    expect(await post("suite@us", v.raw_body, v.headers)).toBe(200);
    const cb = await receiver.take("suite@us", (c) => triggerOfBody(c.json) === "EVENT_INBOUND", 1000);
    expect(cb?.raw.toString("utf8")).toBe(v.raw_body);
    expect(verifySignature(cb!.headers, cb!.raw, v.secret)).toBeUndefined();
  });

  it("hands a later callback to a waiting step, and each callback to one step only", async () => {
    const body = JSON.stringify({ message_delivery_report: { message_id: "M1" } });
    const waiting = receiver.take("a@us", isDelivery, 10_000);
    await post("a@us", body);
    expect((await waiting)?.json).toEqual({ message_delivery_report: { message_id: "M1" } });
    expect(await receiver.take("a@us", isDelivery, 50)).toBeUndefined();
  });

  it("keeps suite runs apart and reports what arrived when nothing matches", async () => {
    await post("a@us", JSON.stringify({ event_delivery_report: {} }));
    await post("b@us", JSON.stringify({ message_delivery_report: {} }));
    expect(await receiver.take("a@us", isDelivery, 50)).toBeUndefined();
    expect(receiver.arrived("a@us").map((cb) => cb.trigger)).toEqual(["EVENT_DELIVERY"]);
    expect(receiver.hookUrl("a@us", "https://example.test/fwd/")).toBe("https://example.test/fwd/hooks/a%40us");
  });
});

describe("callback receiver: where it listens (--callback-listen)", () => {
  it("listens on the port it is given, and a wildcard host is reached on loopback", async () => {
    const probe = new CallbackReceiver();
    await probe.start({ host: "0.0.0.0", port: 0 });
    const port = Number(new URL(probe.url).port);
    expect(probe.url).toBe(`http://127.0.0.1:${port}`);
    await probe.close();
    const fixed = new CallbackReceiver();
    await fixed.start({ host: "127.0.0.1", port });
    try {
      expect(fixed.url).toBe(`http://127.0.0.1:${port}`);
      const res = await request(`http://127.0.0.1:${port}/hooks/s%40us`, { method: "POST", body: "{}" });
      await res.body.text();
      expect(res.statusCode).toBe(200);
    } finally {
      await fixed.close();
    }
  });

  it("refuses a port that is taken with CC_PORT_IN_USE, not a crash", async () => {
    const taken = new CallbackReceiver();
    await taken.start();
    const port = Number(new URL(taken.url).port);
    try {
      const second = new CallbackReceiver();
      await expect(second.start({ host: "127.0.0.1", port })).rejects.toMatchObject({
        diagnostics: [expect.objectContaining({ code: "CC_PORT_IN_USE", message: `the webhook receiver cannot listen on 127.0.0.1:${port}: the port is already in use` })],
      });
    } finally {
      await taken.close();
    }
  });
});
