import { smsApp, waitFor } from "../testing/harness";
import { throughSdk, useSdkParity, WEBHOOK_SECRET, type SdkCallback, type SdkParity } from "./testing/sdk-harness";

// The official Node SDK against the emulator: webhooks CRUD, and every callback trigger the emulator sends, each
// checked with the SDK's signature validator and read with its event parser (the way a user's receiver would).
let p: SdkParity;
useSdkParity((started) => (p = started));

const ALL_TRIGGERS = [
  "MESSAGE_DELIVERY", "MESSAGE_SUBMIT", "MESSAGE_INBOUND", "EVENT_DELIVERY", "EVENT_INBOUND", "CONVERSATION_START", "CONVERSATION_STOP",
  "CONVERSATION_DELETE", "CONTACT_CREATE", "CONTACT_UPDATE", "CONTACT_DELETE", "CONTACT_MERGE", "CONTACT_IDENTITIES_DUPLICATION",
  "CAPABILITY", "OPT_IN", "OPT_OUT", "CHANNEL_EVENT", "SMART_CONVERSATIONS", // the SDK's spelling of SMART_CONVERSATION
] as const;

async function conversationApp(): Promise<string> {
  return (await p.sdk().app.create({ appCreateRequestBody: smsApp({ processing_mode: "CONVERSATION" }) as never })).id!;
}

describe("webhooks through the SDK [sdk: N @sinch/sdk-core]", () => {
  it("creates, gets, lists, updates with update_mask and deletes a webhook", async () => {
    const appId = await conversationApp();
    const sdk = p.sdk().webhooks;
    const hook = await sdk.create({ webhookCreateRequestBody: { app_id: appId, target: `${p.rx.url}/crud`, triggers: ["MESSAGE_DELIVERY"], secret: "x" } });
    expect((await sdk.get({ webhook_id: hook.id! })).target).toBe(`${p.rx.url}/crud`);
    expect((await sdk.list({ app_id: appId })).webhooks?.map((w) => w.id)).toEqual([hook.id]);
    const updated = await sdk.update({ webhook_id: hook.id!, webhookUpdateRequestBody: { app_id: appId, target: `${p.rx.url}/crud`, triggers: ["MESSAGE_DELIVERY", "EVENT_DELIVERY"] }, update_mask: ["triggers"] });
    expect(updated.triggers).toEqual(["MESSAGE_DELIVERY", "EVENT_DELIVERY"]);
    expect(await sdk.delete({ webhook_id: hook.id! })).toEqual({});
    await expect(sdk.get({ webhook_id: hook.id! })).rejects.toThrow(/404/);
  });

  it("accepts the SDK's SMART_CONVERSATIONS spelling of the trigger", async () => {
    const appId = await conversationApp();
    const hook = await p.sdk().webhooks.create({ webhookCreateRequestBody: { app_id: appId, target: `${p.rx.url}/spelling`, triggers: ["SMART_CONVERSATIONS"] } });
    expect(hook.triggers).toEqual(["SMART_CONVERSATIONS"]);
  });
});

describe("every callback trigger, read by the SDK [sdk: N @sinch/sdk-core]", () => {
  let appId: string;
  const mine = () => p.callbacks().filter((c) => c.received.path === `/all/${appId}`);
  const of = (trigger: string) => (c: SdkCallback) => c.event?.trigger === trigger;

  beforeAll(async () => {
    appId = await conversationApp();
    await p.sdk().webhooks.create({ webhookCreateRequestBody: { app_id: appId, target: `${p.rx.url}/all/${appId}`, triggers: [...ALL_TRIGGERS], secret: WEBHOOK_SECRET } });
    const sdk = p.sdk();
    const a = await sdk.contact.create({ contactCreateRequestBody: { channel_identities: [{ channel: "SMS", identity: "+12015550601" }], language: "EN_US" } });
    const b = await sdk.contact.create({ contactCreateRequestBody: { channel_identities: [{ channel: "SMS", identity: "+12015550601" }], language: "EN_US" } });
    await sdk.contact.update({ contact_id: b.id!, updateContactRequestBody: { display_name: "B" }, update_mask: ["display_name"] });
    const sent = await sdk.messages.sendTextMessage({ sendMessageRequestBody: { app_id: appId, recipient: { contact_id: a.id! }, message: { text_message: { text: "hi" } } } });
    await sdk.events.sendComposingEvent({ sendEventRequestBody: { app_id: appId, recipient: { contact_id: a.id! }, event: { composing_event: {} } } });
    await sdk.capability.lookup({ lookupCapabilityRequestBody: { app_id: appId, recipient: { contact_id: a.id! } } });
    const recipient = { identified_by: { channel_identities: [{ channel: "SMS", identity: "12015550601" }] } };
    await p.h.api("POST", "/optouts:register", { body: { app_id: appId, channels: ["SMS"], recipient } }); // not in SDK 1.4.0
    await p.h.api("POST", "/optins:register", { body: { app_id: appId, channels: ["SMS"], recipient } });
    await p.h.admin("POST", "/inbound", { app_id: appId, channel: "SMS", identity: "12015550602", contact_message: { text_message: { text: "hello" } } });
    await p.h.admin("POST", "/inbound", { app_id: appId, channel: "SMS", identity: "12015550602", contact_event: { composing_event: {} } });
    await p.h.admin("POST", "/channel-event", { app_id: appId, channel_event: { channel: "WHATSAPP", event_type: "WHATS_APP_QUALITY_RATING_CHANGED" } });
    await p.h.admin("POST", "/smart-conversation", { message_id: sent.message_id, analysis_results: { ml_sentiment_result: [{ message: "hi", sentiment: "neutral", score: 0.5 }] } });
    await sdk.contact.mergeContact({ destination_id: a.id!, mergeContactRequestBody: { source_id: b.id!, strategy: "MERGE" } });
    const conv = (await sdk.conversation.list({ contact_id: a.id! })).data[0]!;
    await sdk.conversation.stopActive({ conversation_id: conv.id! });
    await sdk.conversation.delete({ conversation_id: conv.id! });
    await sdk.contact.delete({ contact_id: a.id! });
  });

  const PARSED = ALL_TRIGGERS.filter((t) => t !== "CONTACT_IDENTITIES_DUPLICATION");

  it.each(PARSED)("%s arrives signed so that the SDK's validator accepts it, and the SDK's parser names it", async (trigger) => {
    const cb = await waitFor(() => mine().find(of(trigger)), 8000, trigger);
    expect(cb.signatureValid).toBe(true);
  });

  it("CONTACT_IDENTITIES_DUPLICATION arrives signed, in the real payload shape the SDK 1.4.0 parser does not know (known gap)", async () => {
    const cb = await waitFor(() => mine().find((c) => c.received.json?.duplicated_contact_identities_notification), 8000, "duplication");
    expect(cb.signatureValid).toBe(true);
    // [N] looks for "duplicated_identities" at the top level; [J], [D] and the fixtures nest it (API.md section 7)
    expect(cb.parseError).toMatch(/Unknown Conversation event/i);
  });

  it("every other callback the app received passes the SDK's validator and parser", () => {
    const others = mine().filter((c) => !c.received.json?.duplicated_contact_identities_notification);
    expect(others.length).toBeGreaterThan(PARSED.length);
    expect(others.filter((c) => !c.signatureValid || !c.event).map((c) => c.received.raw)).toEqual([]);
  });

  it("the SDK's validator refuses a changed body or another secret (so the checks above can fail)", () => {
    const cb = mine()[0]!;
    expect(throughSdk({ ...cb.received, raw: cb.received.raw.replace("}", ' }') }).signatureValid).toBe(false);
    expect(throughSdk(cb.received, "another-secret").signatureValid).toBe(false);
  });
});

describe("pretty-printed callbacks and the SDK [sdk: N @sinch/sdk-core]", () => {
  it("validate over the raw bytes, and fail when a receiver hands the SDK the parsed body", async () => {
    const appId = await conversationApp();
    const hook = await p.sdk().webhooks.create({ webhookCreateRequestBody: { app_id: appId, target: `${p.rx.url}/pretty/${appId}`, triggers: ["CHANNEL_EVENT"], secret: WEBHOOK_SECRET } });
    await p.h.admin("POST", "/callback-format", { webhook_id: hook.id, format: "pretty" });
    await p.h.admin("POST", "/channel-event", { app_id: appId, channel_event: { channel: "WHATSAPP", event_type: "WHATS_APP_QUALITY_RATING_CHANGED" } });
    const cb = await waitFor(() => p.callbacks().find((c) => c.received.path === `/pretty/${appId}`));
    expect(cb.received.raw).toContain("\n    ");
    expect(cb.signatureValid).toBe(true);
    expect(cb.event?.trigger).toBe("CHANNEL_EVENT");
    expect(throughSdk({ ...cb.received, raw: cb.received.json }).signatureValid).toBe(false); // re-serialised by the SDK
  });
});
