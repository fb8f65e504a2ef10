import { emitCallback, type CallbackEvent } from "../callbacks/emit";
import { badField, notFound } from "../errors";
import { nowIso } from "../ids";
import { storeMessage } from "../lifecycle/message-store";
import { isRegion } from "../../vocabulary/regions";
import type { OperationContext } from "../operations/handler";
import type { Runtime } from "../runtime";
import { copy } from "../operations/common";
import { contactCallback, storeContact } from "../operations/contacts";
import { startConversation } from "../operations/conversations";
import { storeEvent } from "../operations/events";
import type { Contact, Conversation, Json } from "../store/types";

type Ctx = Pick<OperationContext, "rt" | "region" | "projectId" | "store">;

function str(body: Json, field: string): string {
  const v = body[field];
  if (typeof v !== "string" || v === "") throw badField(field, `${field} is required`);
  return v;
}

function participants(ctx: Ctx, appId: string, channel: string, identity: string, conversationMode: boolean): { contact?: Contact; conv?: Conversation } {
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

const CONTENT_KEYS = ["contact_message", "contact_event", "contact_message_event"];

/** POST /_emulator/inbound: simulate a contact writing to the app (MESSAGE_INBOUND or EVENT_INBOUND). */
export function simulateInbound(rt: Runtime, body: Json): Json {
  const ctx = projectContext(rt, body);
  const appId = str(body, "app_id");
  const app = ctx.store.apps.get(appId);
  if (!app) throw notFound("App", appId);
  const channel = str(body, "channel");
  const identity = str(body, "identity");
  const content = CONTENT_KEYS.find((k) => body[k] && typeof body[k] === "object");
  if (!content) throw badField("contact_message", "one of contact_message, contact_event, contact_message_event is required");
  const mode = app.processing_mode === "CONVERSATION";
  const { contact, conv } = participants(ctx, appId, channel, identity, mode);
  const metadata = conv && Object.keys(conv.metadata_json).length ? JSON.stringify(conv.metadata_json) : "";
  const inbound: Inbound = {
    ctx, body, appId, mode, contact, conv, channelIdentity: { channel, identity, app_id: appId },
    callback: { region: ctx.region, projectId: ctx.projectId, appId, messageMetadata: metadata, correlationId: conv?.correlation_id },
  };
  return content === "contact_message" ? inboundMessage(inbound) : inboundEvent(inbound, content);
}

function projectContext(rt: Runtime, body: Json): Ctx {
  const region = String(body.region ?? "us");
  if (!isRegion(region)) throw badField("region", "region must be us, eu or br");
  const projectId = typeof body.project === "string" && body.project ? body.project : rt.options.projectId;
  return { rt, region, projectId, store: rt.world.project(region, projectId) };
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
