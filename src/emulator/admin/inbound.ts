import { emitCallback, type CallbackEvent } from "../callbacks/emit";
import { badField, notFound } from "../errors";
import { nowIso } from "../ids";
import { storeMessage } from "../lifecycle/message-store";
import { REGIONS, type Region } from "../../vocabulary/regions";
import type { OperationContext } from "../operations/handler";
import type { Runtime } from "../runtime";
import { copy } from "../operations/common";
import { contactCallback, reportDuplicates, storeContact } from "../operations/contacts";
import { startConversation } from "../operations/conversations";
import { storeEvent } from "../operations/events";
import { storedIdentity } from "../store/identity";
import type { Contact, Conversation, Json } from "../store/types";
import { validateRequestBody } from "../validation";
import { AdminInput } from "./admin-input";

type Ctx = Pick<OperationContext, "rt" | "region" | "projectId" | "store">;

function participants(ctx: Ctx, appId: string, channel: string, identity: string, conversationMode: boolean): { contact?: Contact; conv?: Conversation } {
  reportDuplicates(ctx, appId, { channel, identity });
  let contact = ctx.store.contactByIdentity(channel, identity, appId);
  if (!conversationMode) return { contact };
  if (!contact) {
    contact = storeContact(ctx, { channel_identities: [{ channel, identity }], language: "UNSPECIFIED" });
    contactCallback(ctx, "CONTACT_CREATE", { contact: copy(contact) });
  }
  const conv = ctx.store.activeConversation(appId, contact.id) ?? startConversation(ctx, { app_id: appId, contact_id: contact.id, active_channel: channel });
  conv.active_channel = channel;
  conv.last_received = nowIso();
  return { contact, conv };
}

/** What an inbound message or event needs: where it lands, who sent it, and the callback fields they share. */
interface Inbound {
  ctx: Ctx;
  body: Json;
  appId: string;
  mode: boolean;
  contact?: Contact;
  conv?: Conversation;
  channelIdentity: { channel: string; identity: string; app_id: string };
  callback: Omit<CallbackEvent, "trigger" | "key" | "payload" | "acceptedTime">;
}

/** What POST /_emulator/inbound carries, checked. */
interface InboundRequest {
  region: Region;
  projectId: string;
  appId: string;
  channel: string;
  identity: string;
  content: ContentKey;
  body: Json;
}

/** The schema each kind of inbound content must satisfy: it is stored and sent on in callbacks as it is. */
const CONTENT_SCHEMAS = { contact_message: "contact-message", contact_event: "contact-event", contact_message_event: "contact-message-event" } as const;
type ContentKey = keyof typeof CONTENT_SCHEMAS;
const CONTENT_KEYS = Object.keys(CONTENT_SCHEMAS) as ContentKey[];

function readInbound(rt: Runtime, raw: unknown): InboundRequest {
  const input = new AdminInput(raw, ["region", "project", "app_id", "channel", "identity", ...CONTENT_KEYS]);
  const region = input.optionalEnum("region", REGIONS) ?? "us";
  const projectId = input.optionalString("project") ?? rt.options.projectId;
  const appId = input.string("app_id");
  const channel = input.string("channel");
  validateRequestBody(rt.contract, "channel", channel, "channel");
  const identity = storedIdentity(channel, input.string("identity"));
  const present = CONTENT_KEYS.filter((k) => input.has(k));
  if (present.length !== 1) throw badField("contact_message", `exactly one of ${CONTENT_KEYS.join(", ")} is required`);
  const content = present[0] as ContentKey;
  validateRequestBody(rt.contract, CONTENT_SCHEMAS[content], input.raw(content), content);
  return { region, projectId, appId, channel, identity, content, body: raw as Json };
}

/** POST /_emulator/inbound: simulate a contact writing to the app (MESSAGE_INBOUND or EVENT_INBOUND). */
export function simulateInbound(rt: Runtime, raw: unknown): Json {
  const { region, projectId, appId, channel, identity, content, body } = readInbound(rt, raw);
  const ctx: Ctx = { rt, region, projectId, store: rt.world.project(region, projectId) };
  const app = ctx.store.apps.get(appId);
  if (!app) throw notFound("App", appId);
  const mode = app.processing_mode === "CONVERSATION";
  const { contact, conv } = participants(ctx, appId, channel, identity, mode);
  const metadata = conv && Object.keys(conv.metadata_json).length ? JSON.stringify(conv.metadata_json) : "";
  const inbound: Inbound = {
    ctx, body, appId, mode, contact, conv, channelIdentity: { channel, identity, app_id: appId },
    callback: { region: ctx.region, projectId: ctx.projectId, appId, messageMetadata: metadata, correlationId: conv?.correlation_id },
  };
  return content === "contact_message" ? inboundMessage(inbound) : inboundEvent(inbound, content);
}

function inboundMessage(i: Inbound): Json {
  const record = storeMessage(i.ctx.store, {
    appId: i.appId, direction: "TO_APP", content: { contact_message: copy(i.body.contact_message as Json) }, channelIdentity: i.channelIdentity,
    conversationId: i.conv?.id ?? "", contactId: i.contact?.id ?? "", processingMode: i.mode ? "CONVERSATION" : "DISPATCH",
    source: i.mode ? "CONVERSATION_SOURCE" : "DISPATCH_SOURCE", metadata: "",
  });
  const accepted = String(record.message.accept_time);
  emitCallback(i.ctx.rt, { ...i.callback, trigger: "MESSAGE_INBOUND", key: "message", payload: copy(record.message), acceptedTime: accepted });
  return { message_id: record.message.id, accepted_time: accepted, contact_id: i.contact?.id ?? "", conversation_id: i.conv?.id ?? "" };
}

function inboundEvent(i: Inbound, content: string): Json {
  const accepted = nowIso();
  const record = storeEvent(i.ctx, i.appId, {
    direction: "TO_APP", [content]: copy(i.body[content]), channel_identity: i.channelIdentity, contact_id: i.contact?.id ?? "",
    conversation_id: i.conv?.id ?? "", accept_time: accepted, processing_mode: i.mode ? "CONVERSATION" : "DISPATCH",
  });
  emitCallback(i.ctx.rt, { ...i.callback, trigger: "EVENT_INBOUND", key: "event", payload: copy(record.event), acceptedTime: accepted });
  return { event_id: record.event.id, accepted_time: accepted, contact_id: i.contact?.id ?? "", conversation_id: i.conv?.id ?? "" };
}
