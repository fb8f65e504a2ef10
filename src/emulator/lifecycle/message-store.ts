import { newId, nowIso } from "../ids";
import type { ProjectStore } from "../store/project-store";
import type { ChannelIdentity, Json, MessageRecord, MessageSource } from "../store/types";

/** The parts of a new ConversationMessage that differ per caller. */
export interface NewMessage {
  appId: string;
  direction: "TO_APP" | "TO_CONTACT";
  content: { app_message: Json } | { contact_message: Json };
  channelIdentity: ChannelIdentity;
  conversationId: string;
  contactId: string;
  metadata?: string;
  processingMode: string;
  source: MessageSource;
  injected?: boolean;
  acceptTime?: string;
  senderId?: string;
  status?: string;
}

/** Store a ConversationMessage and return its record. */
export function storeMessage(store: ProjectStore, m: NewMessage): MessageRecord {
  const accept = m.acceptTime ?? nowIso();
  const message = {
    id: newId(),
    direction: m.direction,
    ...m.content,
    channel_identity: { ...m.channelIdentity },
    conversation_id: m.conversationId,
    contact_id: m.contactId,
    metadata: m.metadata ?? "",
    accept_time: accept,
    sender_id: m.senderId ?? "",
    processing_mode: m.processingMode,
    injected: m.injected ?? false,
    ...(m.status ? { message_status: { status: m.status, event_time: accept } } : {}),
  };
  const acceptedMs = Date.parse(accept);
  const record: MessageRecord = { message, appId: m.appId, source: m.source, acceptedMs: Number.isNaN(acceptedMs) ? Date.now() : acceptedMs };
  store.messages.set(message.id, record);
  return record;
}
