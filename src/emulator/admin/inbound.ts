import { emitCallback } from "../callbacks/emit";
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

/** POST /_emulator/inbound: simulate a contact writing to the app (MESSAGE_INBOUND or EVENT_INBOUND). */
export function simulateInbound(rt: Runtime, body: Json): Json {
  const region = String(body.region ?? "us");
  if (!isRegion(region)) throw badField("region", "region must be us, eu or br");
  const projectId = typeof body.project === "string" && body.project ? body.project : rt.options.projectId;
  const ctx: Ctx = { rt, region, projectId, store: rt.world.project(region, projectId) };
  const appId = str(body, "app_id");
  const app = ctx.store.apps.get(appId);
  if (!app) throw notFound("App", appId);
  const channel = str(body, "channel");
  const identity = str(body, "identity");
  const content = ["contact_message", "contact_event", "contact_message_event"].find((k) => body[k] && typeof body[k] === "object");
  if (!content) throw badField("contact_message", "one of contact_message, contact_event, contact_message_event is required");
  const mode = app.processing_mode === "CONVERSATION";
  const { contact, conv } = participants(ctx, appId, channel, identity, mode);
  const channelIdentity = { channel, identity, app_id: appId };
  const metadata = conv && Object.keys(conv.metadata_json).length ? JSON.stringify(conv.metadata_json) : "";
  const base = { region, projectId, appId, messageMetadata: metadata, correlationId: conv?.correlation_id };
  if (content === "contact_message") {
    const record = storeMessage(ctx.store, {
      appId, direction: "TO_APP", content: { contact_message: copy(body.contact_message as Json) }, channelIdentity,
      conversationId: conv?.id ?? "", contactId: contact?.id ?? "", processingMode: mode ? "CONVERSATION" : "DISPATCH",
      source: mode ? "CONVERSATION_SOURCE" : "DISPATCH_SOURCE", metadata: "",
    });
    emitCallback(rt, { ...base, trigger: "MESSAGE_INBOUND", key: "message", payload: copy(record.message), acceptedTime: String(record.message.accept_time) });
    return { message_id: record.message.id, accepted_time: String(record.message.accept_time), contact_id: contact?.id ?? "", conversation_id: conv?.id ?? "" };
  }
  const accepted = nowIso();
  const record = storeEvent(ctx, appId, {
    direction: "TO_APP", [content]: copy(body[content]), channel_identity: channelIdentity, contact_id: contact?.id ?? "",
    conversation_id: conv?.id ?? "", accept_time: accepted, processing_mode: mode ? "CONVERSATION" : "DISPATCH",
  });
  emitCallback(rt, { ...base, trigger: "EVENT_INBOUND", key: "event", payload: copy(record.event), acceptedTime: accepted });
  return { event_id: record.event.id, accepted_time: accepted, contact_id: contact?.id ?? "", conversation_id: conv?.id ?? "" };
}
