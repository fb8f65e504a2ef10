import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConversationService } from "@sinch/sdk-core";
import { SINCH_PAYLOADS_DIR } from "../../testdata";
import { smsApp, waitFor } from "../testing/harness";
import { useSdkParity, WEBHOOK_SECRET, type SdkCallback, type SdkParity } from "./testing/sdk-harness";

// The official Node SDK against the emulator: conversations, messages (each kind, through the SDK's own send
// helpers, with the bodies of the SDK's fixtures), events and transcoding. Every callback is read by the SDK.
let p: SdkParity;
useSdkParity((started) => (p = started));

const payload = (name: string) => JSON.parse(readFileSync(join(SINCH_PAYLOADS_DIR, `${name}.json`), "utf8"));
const TRIGGERS = ["MESSAGE_DELIVERY", "MESSAGE_SUBMIT", "EVENT_DELIVERY", "CONVERSATION_START", "CONVERSATION_STOP", "CONVERSATION_DELETE", "CONTACT_CREATE"];

/** A CONVERSATION-mode app with a signed webhook for every trigger the flows below fire, and a contact. */
async function appAndContact(identity: string): Promise<{ appId: string; contactId: string }> {
  const sdk = p.sdk();
  const app = await sdk.app.create({ appCreateRequestBody: smsApp({ processing_mode: "CONVERSATION" }) as never });
  await sdk.webhooks.create({ webhookCreateRequestBody: { app_id: app.id!, target: `${p.rx.url}/sdk/${app.id}`, triggers: TRIGGERS as never, secret: WEBHOOK_SECRET } });
  const contact = await sdk.contact.create({ contactCreateRequestBody: { channel_identities: [{ channel: "SMS", identity }], language: "EN_US" } });
  return { appId: app.id!, contactId: contact.id! };
}

type Send = (s: ConversationService, body: never) => Promise<{ message_id?: string }>;
const KINDS: Array<[string, Send]> = [
  ["text", (s, b) => s.messages.sendTextMessage({ sendMessageRequestBody: b })],
  ["media", (s, b) => s.messages.sendMediaMessage({ sendMessageRequestBody: b })],
  ["template", (s, b) => s.messages.sendTemplateMessage({ sendMessageRequestBody: b })],
  ["choice", (s, b) => s.messages.sendChoiceMessage({ sendMessageRequestBody: b })],
  ["card", (s, b) => s.messages.sendCardMessage({ sendMessageRequestBody: b })],
  ["carousel", (s, b) => s.messages.sendCarouselMessage({ sendMessageRequestBody: b })],
  ["location", (s, b) => s.messages.sendLocationMessage({ sendMessageRequestBody: b })],
  ["contact-info", (s, b) => s.messages.sendContactInfoMessage({ sendMessageRequestBody: b })],
  ["list", (s, b) => s.messages.sendListMessage({ sendMessageRequestBody: b })],
];

describe("messages through the SDK", () => {
  it.each(KINDS)("sends a %s message with the SDK's helper; it is stored as sent and reported delivered", async (kind, send) => {
    const { appId, contactId } = await appAndContact(`+1201555${String(KINDS.findIndex(([k]) => k === kind)).padStart(4, "1")}`);
    const { message } = payload(`message-send-request-${kind}`);
    const sent = await send(p.sdk(), { app_id: appId, recipient: { contact_id: contactId }, message } as never);
    // the SDK turns date-like strings into Date objects, so the exact bytes are compared without it
    expect(Object.keys((await p.sdk().messages.get({ message_id: sent.message_id! })).app_message ?? {})).toEqual(Object.keys(message));
    expect((await p.h.api("GET", `/messages/${sent.message_id}`)).body.app_message).toEqual(message);
    const report = (c: SdkCallback) => (c.event as { message_delivery_report?: { message_id: string; status: string } } | undefined)?.message_delivery_report;
    const read = await waitFor(() => p.callbacks().find((c) => report(c)?.message_id === sent.message_id && report(c)?.status === "READ"));
    expect(read.signatureValid).toBe(true);
    const submit = p.callbacks().find((c) => c.event?.trigger === "MESSAGE_SUBMIT" && JSON.stringify(c.event).includes(sent.message_id!));
    expect(submit?.signatureValid).toBe(true);
  });

  it("lists (paged), fetches the last message per identity, updates metadata and deletes with messages_source", async () => {
    const { appId, contactId } = await appAndContact("+12015550201");
    const sdk = p.sdk().messages;
    const ids: string[] = [];
    for (const text of ["one", "two", "three"]) {
      ids.push((await sdk.sendTextMessage({ sendMessageRequestBody: { app_id: appId, recipient: { contact_id: contactId }, message: { text_message: { text } } } })).message_id!);
    }
    const listed: string[] = [];
    for await (const m of sdk.list({ contact_id: contactId, page_size: 2 })) listed.push(m.id!);
    expect(listed.sort()).toEqual([...ids].sort());
    const last = await sdk.listLastMessagesByChannelIdentity({ listLastMessagesByChannelIdentityRequestBody: { app_id: appId, channel_identities: ["12015550201"], messages_source: "CONVERSATION_SOURCE" } });
    expect(last.data.map((m) => m.id)).toEqual([ids[2]]);
    const updated = await sdk.update({ message_id: ids[0]!, updateMessageRequestBody: { metadata: "sdk" }, messages_source: "CONVERSATION_SOURCE" });
    expect(updated.metadata).toBe("sdk");
    await expect(sdk.get({ message_id: ids[0]!, messages_source: "DISPATCH_SOURCE" })).rejects.toThrow(/404/);
    expect(await sdk.delete({ message_id: ids[0]!, messages_source: "CONVERSATION_SOURCE" })).toEqual({});
    await expect(sdk.get({ message_id: ids[0]! })).rejects.toThrow(/404/);
  });
});

describe("conversations through the SDK", () => {
  it("creates, gets, lists, lists recent, updates, injects a message and an event, stops and deletes", async () => {
    const { appId, contactId } = await appAndContact("+12015550301");
    const sdk = p.sdk().conversation;
    const conv = await sdk.create({ createConversationRequestBody: { app_id: appId, contact_id: contactId, active: true, active_channel: "SMS", metadata: "m" } });
    expect((await sdk.get({ conversation_id: conv.id! })).contact_id).toBe(contactId);
    expect((await sdk.list({ app_id: appId, only_active: true })).data.map((c) => c.id)).toEqual([conv.id]);
    const updated = await sdk.update({ conversation_id: conv.id!, updateConversationRequestBody: { metadata: "changed" }, update_mask: ["metadata"] });
    expect(updated.metadata).toBe("changed");
    const inject = payload("conversation-inject-app-message-request");
    await sdk.injectMessage({ conversation_id: conv.id!, injectMessageRequestBody: { ...inject, contact_id: contactId, channel_identity: { channel: "SMS", identity: "12015550301", app_id: appId } } });
    const injected = await p.sdk().messages.list({ conversation_id: conv.id! });
    expect(injected.data.map((m) => m.injected)).toContain(true);
    const recent = await sdk.listRecent({ app_id: appId });
    expect(recent.data.find((r) => r.conversation?.id === conv.id)?.last_message?.id).toBe(injected.data[0]?.id);
    const event = payload("conversation-inject-event-request");
    const ev = await sdk.injectEvent({ conversation_id: conv.id!, injectConversationEventRequestBody: { ...event, conversation_id: conv.id, contact_id: contactId } });
    expect(ev.event_id).toBeTruthy();
    expect(await sdk.stopActive({ conversation_id: conv.id! })).toEqual({});
    expect((await sdk.get({ conversation_id: conv.id! })).active).toBe(false);
    expect(await sdk.delete({ conversation_id: conv.id! })).toEqual({});
    for (const trigger of ["CONVERSATION_START", "CONVERSATION_STOP", "CONVERSATION_DELETE"]) {
      const cb = await waitFor(() => p.callbacks().find((c) => c.event?.trigger === trigger && JSON.stringify(c.event).includes(conv.id!)), 5000, trigger);
      expect(cb.signatureValid).toBe(true);
    }
  });
});

describe("events through the SDK", () => {
  const SENDS: Array<[string, (s: ConversationService, b: never) => Promise<{ event_id?: string }>, Record<string, unknown>]> = [
    ["composing", (s, b) => s.events.sendComposingEvent({ sendEventRequestBody: b }), { composing_event: {} }],
    ["composing end", (s, b) => s.events.sendComposingEndEvent({ sendEventRequestBody: b }), { composing_end_event: {} }],
    ["comment reply", (s, b) => s.events.sendCommentReplyEvent({ sendEventRequestBody: b }), { comment_reply_event: { text: "thanks" } }],
    ["agent joined", (s, b) => s.events.sendAgentJoinedEvent({ sendEventRequestBody: b }), { agent_joined_event: { agent: { display_name: "Ann", type: "HUMAN", picture_url: "" } } }],
    ["agent left", (s, b) => s.events.sendAgentLeftEvent({ sendEventRequestBody: b }), { agent_left_event: { agent: { display_name: "Ann", type: "HUMAN", picture_url: "" } } }],
    ["generic", (s, b) => s.events.sendGenericEvent({ sendEventRequestBody: b }), { generic_event: { payload: { k: "v" } } }],
  ];

  it.each(SENDS)("sends a %s event, reads it back, and the EVENT_DELIVERY reports pass the SDK", async (_kind, send, event) => {
    const { appId, contactId } = await appAndContact(`+120155504${String(SENDS.findIndex(([k]) => k === _kind)).padStart(2, "1")}`);
    const sent = await send(p.sdk(), { app_id: appId, recipient: { contact_id: contactId }, event } as never);
    const stored = await p.sdk().events.get({ event_id: sent.event_id! });
    expect(stored.app_event).toEqual(event);
    expect((await p.sdk().events.list({ contact_id: contactId })).data.map((e) => e.id)).toContain(sent.event_id);
    const delivered = await waitFor(() => p.callbacks().find((c) => c.event?.trigger === "EVENT_DELIVERY" && JSON.stringify(c.event).includes(sent.event_id!)));
    expect(delivered.signatureValid).toBe(true);
    expect(await p.sdk().events.delete({ event_id: sent.event_id! })).toEqual({});
  });
});

describe("transcoding through the SDK", () => {
  it("transcodes for WhatsApp; for a channel the emulator does not emulate the SDK sees the 501", async () => {
    const { appId } = await appAndContact("+12015550501");
    const body = { app_id: appId, app_message: payload("transcode-request").app_message, channels: ["WHATSAPP"] as never, to: "to value" };
    const r = await p.sdk().transcoding.transcodeMessage({ transcodeMessageRequestBody: body });
    expect(JSON.parse(r.transcoded_message!.WHATSAPP!)).toMatchObject({ messaging_product: "whatsapp", type: "location" });
    await expect(p.sdk().transcoding.transcodeMessage({ transcodeMessageRequestBody: { ...body, channels: ["SMS"] as never } })).rejects.toThrow(/501/);
  });
});

describe("every callback of this file", () => {
  it("passes the SDK's signature validator and parser", () => {
    const all = p.callbacks();
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((c) => !c.signatureValid || !c.event).map((c) => c.received.raw)).toEqual([]);
  });
});
