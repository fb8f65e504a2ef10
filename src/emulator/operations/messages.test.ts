import { computeSignature } from "../callbacks/signing";
import { useHarnessAndReceiver, type Received, type Receiver } from "../testing/receiver";
import { smsApp, waitFor, type Harness } from "../testing/harness";

const ALL = ["MESSAGE_DELIVERY", "MESSAGE_SUBMIT", "CONTACT_CREATE", "CONVERSATION_START", "EVENT_DELIVERY"];
let h: Harness;
let rx: Receiver;
useHarnessAndReceiver((started) => ({ h, rx } = started));

async function appWithWebhook(extra: Record<string, unknown> = {}, secret = "s3cret"): Promise<string> {
  const app = await h.api("POST", "/apps", { body: smsApp(extra) });
  const w = await h.api("POST", "/webhooks", { body: { app_id: app.body.id, target: `${rx.url}/hooks/${app.body.id}`, triggers: ALL, secret } });
  expect(w.status).toBe(200);
  return app.body.id;
}

function delivered(messageId: string, status: string) {
  return () => rx.received.find((r) => r.json?.message_delivery_report?.message_id === messageId && r.json.message_delivery_report.status === status);
}

const sms = (identity: string) => ({ identified_by: { channel_identities: [{ channel: "SMS", identity }] } });

describe("messages:send [docs: §6]", () => {
  it("creates contact and conversation in CONVERSATION mode and reports QUEUED_ON_CHANNEL -> DELIVERED -> READ [docs: §7] [fixture: message-send-response.json]", async () => {
    const appId = await appWithWebhook({ processing_mode: "CONVERSATION" });
    const r = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: sms("+46702220001"), message: { text_message: { text: "hi" } }, correlation_id: "corr-1", message_metadata: "meta-1" } });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(["accepted_time", "message_id"]);
    const id = r.body.message_id;
    const read = await waitFor(delivered(id, "READ"), 5000, "READ report");
    expect(read.json).toMatchObject({ app_id: appId, project_id: h.project, correlation_id: "corr-1" });
    expect(read.json.message_delivery_report.metadata).toBe("meta-1");
    // Callbacks are separate POSTs and, as from the real API, may arrive out of order; their event times may not.
    const order = ["QUEUED_ON_CHANNEL", "DELIVERED", "READ"];
    const rank = (x: Received) => order.indexOf(x.json.message_delivery_report.status);
    const reports = rx.received.filter((x) => x.json?.message_delivery_report?.message_id === id).sort((a, b) => rank(a) - rank(b));
    expect(reports.map((x) => x.json.message_delivery_report.status)).toEqual(order);
    const times = reports.map((x) => Date.parse(x.json.event_time));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rx.received.some((x) => x.json?.contact_create_notification && x.path.endsWith(appId))).toBe(true);
    expect(rx.received.some((x) => x.json?.conversation_start_notification?.conversation.app_id === appId)).toBe(true);
    expect(rx.received.some((x) => x.json?.message_submit_notification?.message_id === id)).toBe(true);
    const msg = await h.api("GET", `/messages/${id}`);
    expect(msg.body.conversation_id).not.toBe("");
    expect(msg.body.message_status.status).toBe("READ");
  });

  it("signs every callback over the exact bytes with all four headers [docs: §7]", async () => {
    const appId = await appWithWebhook({}, "the-secret");
    const r = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: sms("+46702220002"), message: { text_message: { text: "x" } } } });
    const cb = await waitFor(delivered(r.body.message_id, "DELIVERED"), 5000, "DELIVERED report");
    expect(cb.headers["x-sinch-webhook-signature-algorithm"]).toBe("HmacSHA256");
    expect(cb.headers["x-sinch-webhook-signature-nonce"]).toMatch(/^[0-9A-Z]{26}$/);
    expect(cb.headers["x-sinch-webhook-signature-timestamp"]).toMatch(/^\d{10}$/);
    const expected = computeSignature("the-secret", cb.raw, String(cb.headers["x-sinch-webhook-signature-nonce"]), String(cb.headers["x-sinch-webhook-signature-timestamp"]));
    expect(cb.headers["x-sinch-webhook-signature"]).toBe(expected);
    expect(Object.keys(cb.json)).toEqual(["app_id", "accepted_time", "event_time", "project_id", "message_delivery_report", "message_metadata", "correlation_id"]);
  });

  it("sends no signature headers when the webhook has no secret [docs: §7]", async () => {
    const appId = await appWithWebhook({}, "");
    const r = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: sms("+46702220003"), message: { text_message: { text: "x" } } } });
    const cb = await waitFor(delivered(r.body.message_id, "QUEUED_ON_CHANNEL"));
    expect(cb.headers["x-sinch-webhook-signature"]).toBeUndefined();
  });

  it("fails an unreachable identity (ending in 0000) with RECIPIENT_NOT_REACHABLE [emulator-only] [fixture: callback-docs-message-delivery-failed.json]", async () => {
    const appId = await appWithWebhook();
    const r = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: sms("+15550000000"), message: { text_message: { text: "x" } } } });
    const failed = await waitFor(delivered(r.body.message_id, "FAILED"));
    expect(failed.json.message_delivery_report.reason.code).toBe("RECIPIENT_NOT_REACHABLE");
    expect(delivered(r.body.message_id, "DELIVERED")()).toBeUndefined();
  });

  it("picks the channel by channel_priority_order, then the recipient's identities", async () => {
    const app = await h.api("POST", "/apps", {
      body: { display_name: "two", channel_credentials: [{ channel: "SMS", static_bearer: { claimed_identity: "a", token: "b" } }, { channel: "MESSENGER", static_token: { token: "t" } }] },
    });
    const recipient = { identified_by: { channel_identities: [{ channel: "SMS", identity: "+46702220004" }, { channel: "MESSENGER", identity: "psid" }] } };
    const first = await h.api("POST", "/messages:send", { body: { app_id: app.body.id, recipient, message: { text_message: { text: "x" } } } });
    expect((await h.api("GET", `/messages/${first.body.message_id}`)).body.channel_identity.channel).toBe("SMS");
    const prio = await h.api("POST", "/messages:send", { body: { app_id: app.body.id, recipient, message: { text_message: { text: "x" } }, channel_priority_order: ["MESSENGER"] } });
    expect((await h.api("GET", `/messages/${prio.body.message_id}`)).body.channel_identity.channel).toBe("MESSENGER");
  });

  it("rejects unknown apps and contacts, bad recipients and oversized metadata [docs: §8]", async () => {
    const appId = await appWithWebhook();
    const msg = { text_message: { text: "x" } };
    expect((await h.api("POST", "/messages:send", { body: { app_id: "01HZZZZZZZZZZZZZZZZZZZZZZZ", recipient: sms("+1"), message: msg } })).status).toBe(404);
    expect((await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: { contact_id: "01HZZZZZZZZZZZZZZZZZZZZZZZ" }, message: msg } })).status).toBe(404);
    expect((await h.api("POST", "/messages:send", { body: { app_id: appId, message: msg } })).status).toBe(400);
    const big = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: sms("+1"), message: msg, message_metadata: "m".repeat(1025) } });
    expect(big.status).toBe(400);
  });
});

describe("messages [docs: §4]", () => {
  let appId: string;
  let ids: string[];
  beforeAll(async () => {
    appId = await appWithWebhook({ processing_mode: "CONVERSATION" });
    ids = [];
    for (let i = 0; i < 3; i++) {
      const r = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: sms("+46702230001"), message: { text_message: { text: `m${i}` } }, message_metadata: `md${i}` } });
      ids.push(r.body.message_id);
    }
  });

  it("lists with filters, paging and views [fixture: message-list-response-page0.json]", async () => {
    const all = await h.api("GET", "/messages", { query: { app_id: appId } });
    expect(all.body.messages).toHaveLength(3);
    const page = await h.api("GET", "/messages", { query: { app_id: appId, page_size: "2" } });
    expect(page.body.messages).toHaveLength(2);
    const rest = await h.api("GET", "/messages", { query: { app_id: appId, page_size: "2", page_token: page.body.next_page_token } });
    expect(rest.body.messages).toHaveLength(1);
    expect(rest.body.next_page_token).toBe("");
    const without = await h.api("GET", "/messages", { query: { app_id: appId, view: "WITHOUT_METADATA" } });
    expect(without.body.messages[0].metadata).toBeUndefined();
    expect((await h.api("GET", "/messages", { query: { app_id: appId, channel: "WHATSAPP" } })).body.messages).toHaveLength(0);
    expect((await h.api("GET", "/messages", { query: { app_id: appId, direction: "TO_APP" } })).body.messages).toHaveLength(0);
    expect((await h.api("GET", "/messages", { query: { app_id: appId, end_time: "2000-01-01T00:00:00Z" } })).body.messages).toHaveLength(0);
    expect((await h.api("GET", "/messages", { query: { page_size: "1001" } })).status).toBe(400);
    expect((await h.api("GET", "/messages", { query: { only_recipient_originated: "true" } })).status).toBe(400);
    expect((await h.api("GET", "/messages", { query: { start_time: "yesterday" } })).status).toBe(400);
  });

  it("patches metadata, fetches the last message, deletes [fixture: message-update-metadata-request.json] [fixture: message-fetch-last-message-request.json]", async () => {
    const p = await h.api("PATCH", `/messages/${ids[0]}`, { body: { metadata: "changed" } });
    expect(p.body.metadata).toBe("changed");
    const last = await h.api("POST", "/messages:fetch-last-message", { body: { app_id: appId, channel_identities: ["+46702230001"], messages_source: "CONVERSATION_SOURCE" } });
    expect(last.status).toBe(200);
    expect(last.body.messages).toHaveLength(1);
    expect(last.body.messages[0].id).toBe(ids[2]);
    const both = await h.api("POST", "/messages:fetch-last-message", { body: { channel_identities: ["x"], contact_ids: ["y"] } });
    expect(both.status).toBe(400);
    const neither = await h.api("POST", "/messages:fetch-last-message", { body: { app_id: appId, channel_identities: [] } });
    expect(neither.status).toBe(400);
    expect((await h.api("DELETE", `/messages/${ids[1]}`)).body).toEqual({});
    expect((await h.api("GET", `/messages/${ids[1]}`)).status).toBe(404);
  });

});

describe("events [docs: §4]", () => {
  it("sends an event with EVENT_DELIVERY reports, lists, gets and deletes it [fixture: event-send-response.json] [fixture: callback-event-delivery.json]", async () => {
    const appId = await appWithWebhook({ processing_mode: "CONVERSATION" });
    const r = await h.api("POST", "/events:send", { body: { app_id: appId, recipient: sms("+46702240001"), event: { composing_event: {} } } });
    expect(r.status).toBe(200);
    const id = r.body.event_id;
    await waitFor(() => rx.received.find((x) => x.json?.event_delivery_report?.event_id === id && x.json.event_delivery_report.status === "DELIVERED"));
    const ev = await h.api("GET", `/events/${id}`);
    expect(ev.body.app_event).toEqual({ composing_event: {} });
    const list = await h.api("GET", "/events", { query: { conversation_id: ev.body.conversation_id } });
    expect(list.body.events.map((e: { id: string }) => e.id)).toContain(id);
    expect((await h.api("GET", "/events", { query: { page_size: "21" } })).status).toBe(400);
    expect((await h.api("DELETE", `/events/${id}`)).body).toEqual({});
    expect((await h.api("GET", `/events/${id}`)).status).toBe(404);
  });
});
