import { badField } from "../errors";
import { nowIso } from "../ids";
import { storeMessage } from "../lifecycle/message-store";
import type { HandlerMap, OperationContext } from "./handler";
import type { ChannelIdentity, Json } from "../store/types";
import { copy, maxLength, requireConversation } from "./common";
import { storeEvent } from "./events";


function identityOf(b: Json): ChannelIdentity {
  const ci = b.channel_identity as ChannelIdentity | undefined;
  if (!ci?.channel || ci.identity === undefined) throw badField("channel_identity", "channel_identity with channel and identity is required");
  return copy(ci);
}

function injectMessage(ctx: OperationContext): Json {
  const conv = requireConversation(ctx, ctx.params.conversation_id);
  const b = ctx.body;
  maxLength(b, "metadata", 1024);
  const content = b.app_message ? { app_message: copy(b.app_message as Json) } : b.contact_message ? { contact_message: copy(b.contact_message as Json) } : undefined;
  if (!content) throw badField("app_message", "app_message or contact_message is required");
  const direction = b.direction === "TO_APP" || (!b.direction && "contact_message" in content) ? "TO_APP" : "TO_CONTACT";
  storeMessage(ctx.store, {
    appId: conv.app_id, direction, content, channelIdentity: identityOf(b), conversationId: conv.id,
    contactId: String(b.contact_id ?? conv.contact_id), metadata: b.metadata as string | undefined,
    processingMode: String(b.processing_mode ?? "CONVERSATION"), source: "CONVERSATION_SOURCE", injected: true,
    acceptTime: (b.accept_time as string | undefined) ?? nowIso(), senderId: b.sender_id as string | undefined,
  });
  return {};
}

function injectEvent(ctx: OperationContext): Json {
  const conv = requireConversation(ctx, ctx.params.conversation_id);
  const b = ctx.body;
  if (!b.app_event) throw badField("app_event", "app_event is required");
  const accepted = (b.accept_time as string | undefined) ?? nowIso();
  const record = storeEvent(ctx, conv.app_id, {
    direction: "TO_CONTACT", app_event: copy(b.app_event), channel_identity: identityOf(b),
    contact_id: String(b.contact_id ?? conv.contact_id), conversation_id: conv.id, accept_time: accepted,
    processing_mode: String(b.processing_mode ?? "CONVERSATION"),
  });
  return { event_id: record.event.id, accepted_time: accepted };
}

/** Conversations: :inject-message and :inject-event. */
export const injectOperations: HandlerMap = {
  "Conversations/Inject message": injectMessage,
  "Conversations/Inject event": injectEvent,
};
