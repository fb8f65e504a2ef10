import { notFound } from "../errors";
import { newId, nowIso } from "../ids";
import { runEventLifecycle } from "../lifecycle/delivery";
import { resolveRecipient } from "../lifecycle/recipient";
import { paginate } from "../paging";
import { one, pageSize } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import type { EventRecord, Json } from "../store/types";
import { copy, maxLength, requireApp } from "./common";
import { emptyReply } from "./empty";
import { ensureConversation, failureFor } from "./send";


/** Store a ConversationEvent (sent, injected or inbound). */
export function storeEvent(ctx: Pick<OperationContext, "store">, appId: string, event: Json): EventRecord {
  const record = { event: { id: newId(), ...event } as EventRecord["event"], appId };
  ctx.store.events.set(record.event.id, record);
  return record;
}

function send(ctx: OperationContext): Json {
  const b = ctx.body;
  maxLength(b, "event_metadata", 1024);
  const app = requireApp(ctx, b.app_id);
  const to = resolveRecipient(ctx, {
    app, recipient: b.recipient, channelPriorityOrder: b.channel_priority_order as string[] | undefined, createContact: true,
  });
  const conv = ensureConversation(ctx, app, to);
  const accepted = nowIso();
  const record = storeEvent(ctx, app.id, {
    direction: "TO_CONTACT", app_event: copy(b.event), channel_identity: { channel: to.channel, identity: to.identity, app_id: app.id },
    contact_id: to.contact?.id ?? "", conversation_id: conv?.id ?? "", accept_time: accepted,
    processing_mode: to.conversationMode ? "CONVERSATION" : "DISPATCH",
  });
  runEventLifecycle(
    {
      rt: ctx.rt, region: ctx.region, projectId: ctx.projectId, appId: app.id, callbackUrl: b.callback_url as string | undefined,
      failure: failureFor(app, to.channel, to.identity),
    },
    record,
    String(b.event_metadata ?? ""),
  );
  return { event_id: record.event.id, accepted_time: accepted };
}

function list(ctx: OperationContext): Json {
  const size = pageSize(ctx.query, 10, 20);
  const conversationId = one(ctx.query, "conversation_id");
  const contactId = one(ctx.query, "contact_id");
  const all = [...ctx.store.events.values()]
    .filter((e) => (conversationId === undefined || e.event.conversation_id === conversationId) && (contactId === undefined || e.event.contact_id === contactId))
    .map((e) => e.event);
  const page = paginate(all, size, one(ctx.query, "page_token"));
  return { events: copy(page.items), next_page_token: page.nextPageToken };
}

function requireEvent(ctx: OperationContext): EventRecord {
  const e = ctx.store.events.get(ctx.params.event_id as string);
  if (!e) throw notFound("Event", ctx.params.event_id as string);
  return e;
}

/** Events: send, list, get, delete. */
export const eventOperations: HandlerMap = {
  "Events/Send event": send,
  "Events/List events": list,
  "Events/Get event": (ctx) => requireEvent(ctx).event,
  "Events/Delete event": (ctx) => {
    ctx.store.events.delete(requireEvent(ctx).event.id);
    return emptyReply();
  },
};
