import { emitCallback } from "../callbacks/emit";
import { nowIso } from "../ids";
import { reason, runMessageLifecycle, type Reason } from "../lifecycle/delivery";
import { storeMessage } from "../lifecycle/message-store";
import { resolveRecipient, type ResolvedRecipient } from "../lifecycle/recipient";
import { isUnreachable } from "../lifecycle/unreachable";
import type { HandlerMap, OperationContext } from "./handler";
import type { App, Conversation, Json } from "../store/types";
import { maxJsonLength, maxLength, requireApp } from "./common";
import { startConversation } from "./conversations";
import { mergePatch } from "./merge-patch";

/** Why a send to this channel and identity will fail, if it will. */
export function failureFor(app: App, channel: string, identity: string): Reason | undefined {
  if (!app.channel_credentials.some((c) => c.channel === channel)) {
    return reason("CHANNEL_CONFIGURATION_MISSING", `The app has no ${channel} credentials.`);
  }
  if (isUnreachable(identity)) return reason("RECIPIENT_NOT_REACHABLE", "The recipient is not reachable on the channel.");
  return undefined;
}

/** The active conversation of an app and contact, started when there is none. */
export function ensureConversation(ctx: OperationContext, app: App, to: ResolvedRecipient, extra: Json = {}): Conversation | undefined {
  if (!to.conversationMode || !to.contact) return undefined;
  const existing = ctx.store.activeConversation(app.id, to.contact.id);
  const conv = existing ?? startConversation(ctx, { app_id: app.id, contact_id: to.contact.id, active_channel: to.channel, ...extra });
  conv.active_channel = to.channel;
  return conv;
}

function applyConversationMetadata(conv: Conversation | undefined, body: Json): void {
  if (!conv || body.conversation_metadata === undefined) return;
  conv.metadata_json =
    body.conversation_metadata_update_strategy === "MERGE_PATCH"
      ? (mergePatch(conv.metadata_json, body.conversation_metadata) as Json)
      : (structuredClone(body.conversation_metadata) as Json);
}

function send(ctx: OperationContext): Json {
  const b = ctx.body;
  maxLength(b, "message_metadata", 1024);
  maxLength(b, "correlation_id", 128);
  maxJsonLength(b, "conversation_metadata", 2048);
  const app = requireApp(ctx, b.app_id);
  const to = resolveRecipient(ctx, {
    app, recipient: b.recipient, channelPriorityOrder: b.channel_priority_order as string[] | undefined,
    createContact: true, processingStrategy: b.processing_strategy as string | undefined,
  });
  const conv = ensureConversation(ctx, app, to);
  applyConversationMetadata(conv, b);
  const accepted = nowIso();
  const record = storeMessage(ctx.store, {
    appId: app.id, direction: "TO_CONTACT", content: { app_message: structuredClone(b.message as Json) },
    channelIdentity: { channel: to.channel, identity: to.identity, app_id: app.id },
    conversationId: conv?.id ?? "", contactId: to.contact?.id ?? "", metadata: b.message_metadata as string | undefined,
    processingMode: to.conversationMode ? "CONVERSATION" : "DISPATCH",
    source: to.conversationMode ? "CONVERSATION_SOURCE" : "DISPATCH_SOURCE", acceptTime: accepted, status: "QUEUED",
  });
  const job = {
    rt: ctx.rt, region: ctx.region, projectId: ctx.projectId, appId: app.id,
    correlationId: b.correlation_id as string | undefined, callbackUrl: b.callback_url as string | undefined,
    failure: failureFor(app, to.channel, to.identity),
  };
  const m = record.message;
  emitCallback(ctx.rt, {
    region: ctx.region, projectId: ctx.projectId, appId: app.id, trigger: "MESSAGE_SUBMIT", key: "message_submit_notification",
    acceptedTime: accepted, correlationId: job.correlationId, callbackUrl: job.callbackUrl,
    payload: {
      message_id: m.id, conversation_id: m.conversation_id, channel_identity: { ...m.channel_identity }, contact_id: m.contact_id,
      submitted_message: structuredClone(b.message as Json), metadata: m.metadata, processing_mode: m.processing_mode,
    },
  });
  runMessageLifecycle(job, record);
  return { message_id: m.id, accepted_time: accepted };
}

/** messages:send. */
export const sendOperations: HandlerMap = {
  "Messages/Send message": send,
};
