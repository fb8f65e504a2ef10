import { computeSignature } from "../callbacks/signing";
import { appWithWebhook as createApp, useHarnessAndReceiver, type Receiver } from "../testing/receiver";
import { waitFor, type Harness } from "../testing/harness";

// Behaviours where an emulator that differs from the real API would let a user's code pass here and fail in
// production (issue 12, item 3). Each test fails when the emulator goes back to the misleading behaviour.
let h: Harness;
let rx: Receiver;
useHarnessAndReceiver((started) => ({ h, rx } = started));

const byIdentity = (channel: string, identity: string) => ({ identified_by: { channel_identities: [{ channel, identity }] } });

const appWithWebhook = (triggers: string[], app: Record<string, unknown> = {}) => createApp({ h, rx }, { triggers, app, secret: "behave-secret" });

describe("phone-number identities [docs: §3] [sdk: N tests/rest/v1/contact/contacts.steps.ts]", () => {
  it.each(["SMS", "MMS", "WHATSAPP", "RCS"])("%s identities read back without the leading + and are found with or without it", async (channel) => {
    const created = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel, identity: "+33987654321" }], language: "EN_US" } });
    expect(created.body.channel_identities[0].identity).toBe("33987654321");
    expect((await h.api("GET", `/contacts/${created.body.id}`)).body.channel_identities[0].identity).toBe("33987654321");
    for (const identity of ["+33987654321", "33987654321"]) {
      const found = await h.api("GET", "/contacts", { query: { channel, identity } });
      expect(found.body.contacts.map((c: { id: string }) => c.id)).toContain(created.body.id);
    }
    await h.api("DELETE", `/contacts/${created.body.id}`);
  });

  it("keeps a leading + on channels whose identities are not phone numbers [emulator-only]", async () => {
    const created = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "MESSENGER", identity: "+7134567" }], language: "EN_US" } });
    expect(created.body.channel_identities[0].identity).toBe("+7134567");
    expect((await h.api("GET", "/contacts", { query: { channel: "MESSENGER", identity: "7134567" } })).body.contacts).toEqual([]);
  });

  it("strips the + on update, in sent messages, and finds messages and last messages by either form", async () => {
    const c = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "SMS", identity: "46711000001" }], language: "EN_US" } });
    const patched = await h.api("PATCH", `/contacts/${c.body.id}`, { body: { channel_identities: [{ channel: "SMS", identity: "+46711000002" }] }, query: { update_mask: "channel_identities" } });
    expect(patched.body.channel_identities[0].identity).toBe("46711000002");
    const { appId } = await appWithWebhook(["MESSAGE_DELIVERY"]);
    const sent = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: byIdentity("SMS", "+46711000003"), message: { text_message: { text: "x" } } } });
    const stored = await h.api("GET", `/messages/${sent.body.message_id}`);
    expect(stored.body.channel_identity.identity).toBe("46711000003");
    for (const identity of ["+46711000003", "46711000003"]) {
      expect((await h.api("GET", "/messages", { query: { channel_identity: identity } })).body.messages).toHaveLength(1);
      const last = await h.api("POST", "/messages:fetch-last-message", { body: { app_id: appId, channel_identities: [identity] } });
      expect(last.body.messages.map((m: { id: string }) => m.id)).toEqual([sent.body.message_id]);
    }
    await h.api("DELETE", `/contacts/${c.body.id}`);
  });
});

describe("messages_source on a single message [docs: §4]", () => {
  it("get, update and delete honour messages_source as the list does; without it they find the message", async () => {
    const { appId } = await appWithWebhook(["MESSAGE_DELIVERY"]); // DISPATCH mode: the message is DISPATCH_SOURCE
    const sent = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: byIdentity("SMS", "+46711000010"), message: { text_message: { text: "x" } } } });
    const path = `/messages/${sent.body.message_id}`;
    const other = { query: { messages_source: "CONVERSATION_SOURCE" } };
    const own = { query: { messages_source: "DISPATCH_SOURCE" } };
    expect((await h.api("GET", "/messages", { query: { app_id: appId, ...other.query } })).body.messages).toEqual([]);
    expect((await h.api("GET", path, other)).status).toBe(404);
    expect((await h.api("PATCH", path, { ...other, body: { metadata: "m" } })).status).toBe(404);
    expect((await h.api("DELETE", path, other)).status).toBe(404);
    expect((await h.api("GET", path)).status).toBe(200);
    expect((await h.api("PATCH", path, { ...own, body: { metadata: "m" } })).body.metadata).toBe("m");
    expect((await h.api("DELETE", path, own)).status).toBe(200);
    expect((await h.api("GET", path)).status).toBe(404);
  });
});

describe("CONTACT_IDENTITIES_DUPLICATION [fixture: callback-contact-identities-duplication.json] [docs: §7]", () => {
  it("fires when a message is sent to an identity two contacts share, naming both contacts", async () => {
    const { appId, path } = await appWithWebhook(["CONTACT_IDENTITIES_DUPLICATION"], { processing_mode: "CONVERSATION" });
    const body = { channel_identities: [{ channel: "SMS", identity: "+46711000020" }], language: "EN_US" };
    const first = await h.api("POST", "/contacts", { body });
    const alone = await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: { contact_id: first.body.id }, message: { text_message: { text: "1" } } } });
    expect(alone.status).toBe(200);
    const second = await h.api("POST", "/contacts", { body });
    await h.api("POST", "/messages:send", { body: { app_id: appId, recipient: byIdentity("SMS", "46711000020"), message: { text_message: { text: "2" } } } });
    const cb = await waitFor(() => rx.received.find((r) => r.path === path && r.json?.duplicated_contact_identities_notification));
    expect(cb.json.app_id).toBe(appId);
    expect(cb.json.duplicated_contact_identities_notification.duplicated_identities).toEqual([
      { channel: "SMS", contact_ids: [first.body.id, second.body.id] },
    ]);
    expect(rx.received.filter((r) => r.path === path)).toHaveLength(1); // the first send, to a unique identity, fired nothing
  });

  it("fires for inbound traffic from a shared identity too", async () => {
    const { appId, path } = await appWithWebhook(["CONTACT_IDENTITIES_DUPLICATION"], { processing_mode: "CONVERSATION" });
    const body = { channel_identities: [{ channel: "SMS", identity: "46711000021" }], language: "EN_US" };
    await h.api("POST", "/contacts", { body });
    await h.api("POST", "/contacts", { body });
    const r = await h.admin("POST", "/inbound", { app_id: appId, channel: "SMS", identity: "+46711000021", contact_message: { text_message: { text: "hi" } } });
    expect(r.status).toBe(200);
    const cb = await waitFor(() => rx.received.find((x) => x.path === path && x.json?.duplicated_contact_identities_notification));
    expect(cb.json.duplicated_contact_identities_notification.duplicated_identities[0].contact_ids).toHaveLength(2);
  });
});

describe("transcoding", () => {
  it("renders WhatsApp in the format of the SDK's fixture [fixture: transcode-response.json]", async () => {
    const { appId } = await appWithWebhook(["MESSAGE_DELIVERY"]);
    const app_message = { location_message: { coordinates: { latitude: 47.6279809, longitude: -2.8229159 }, title: "T", label: "L" } };
    const r = await h.api("POST", "/messages:transcode", { body: { app_id: appId, app_message, channels: ["WHATSAPP"], to: "to value" } });
    expect(Object.keys(JSON.parse(r.body.transcoded_message.WHATSAPP))).toEqual(["messaging_product", "biz_opaque_callback_data", "to", "type", "recipient_type", "location"]);
  });

  it("answers 501 naming each channel it does not emulate instead of inventing a format [emulator-only]", async () => {
    const { appId } = await appWithWebhook(["MESSAGE_DELIVERY"]);
    const r = await h.api("POST", "/messages:transcode", { body: { app_id: appId, app_message: { text_message: { text: "x" } }, channels: ["WHATSAPP", "SMS", "MESSENGER"] } });
    expect(r.status).toBe(501);
    expect(r.body.error.status).toBe("NOT_IMPLEMENTED");
    expect(r.body.error.details[0]).toMatchObject({ reason: "TRANSCODING_NOT_EMULATED", metadata: { channels: "SMS,MESSENGER" } });
    const card = await h.api("POST", "/messages:transcode", { body: { app_id: appId, app_message: { card_message: { title: "t" } }, channels: ["WHATSAPP"] } });
    expect(card.status).toBe(501);
  });
});

describe("pretty-printed callbacks", () => {
  it("sends a webhook's callbacks pretty-printed once the admin API says so, signed over the exact bytes [fixture: callback-signature-vector-multiline-event-inbound.json] [docs: §7]", async () => {
    const { appId, webhookId, path } = await appWithWebhook(["CAPABILITY"]);
    const query = { app_id: appId, recipient: byIdentity("SMS", "+46711000030") };
    await h.api("POST", "/capability:query", { body: { ...query, request_id: "compact" } });
    // the callback goes out after the delivery delay, formatted as the webhook is set then: wait for it before switching
    const compact = await waitFor(() => rx.received.find((r) => r.path === path && r.json?.capability_notification.request_id === "compact"));
    const set = await h.admin("POST", "/callback-format", { webhook_id: webhookId, format: "pretty" });
    expect(set.body).toEqual({ webhook_id: webhookId, format: "pretty" });
    await h.api("POST", "/capability:query", { body: { ...query, request_id: "pretty" } });
    const pretty = await waitFor(() => rx.received.find((r) => r.path === path && r.json?.capability_notification.request_id === "pretty"));
    expect(compact.raw).not.toContain("\n");
    expect(pretty.raw).toBe(`${JSON.stringify(pretty.json, null, 4)}\n`);
    const h2 = pretty.headers as Record<string, string>;
    const sign = (body: string) => computeSignature("behave-secret", body, h2["x-sinch-webhook-signature-nonce"]!, h2["x-sinch-webhook-signature-timestamp"]!);
    expect(sign(pretty.raw)).toBe(h2["x-sinch-webhook-signature"]);
    // a receiver that re-serialises the parsed body computes another signature, as against the real service
    expect(sign(JSON.stringify(pretty.json))).not.toBe(h2["x-sinch-webhook-signature"]);
  });

  it("lists the settings, refuses unknown webhooks and formats, and forgets the settings on reset [emulator-only]", async () => {
    const { webhookId } = await appWithWebhook(["CAPABILITY"]);
    await h.admin("POST", "/callback-format", { webhook_id: webhookId, format: "pretty" });
    expect((await h.admin("GET", "/callback-format")).body.webhooks).toContainEqual({ webhook_id: webhookId, format: "pretty" });
    expect((await h.admin("POST", "/callback-format", { webhook_id: "NOPE", format: "pretty" })).status).toBe(404);
    const bad = await h.admin("POST", "/callback-format", { webhook_id: webhookId, format: "yaml" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field_violations[0].field).toBe("format");
    await h.admin("POST", "/reset");
    expect((await h.admin("GET", "/callback-format")).body).toEqual({ default: "compact", webhooks: [] });
  });
});
