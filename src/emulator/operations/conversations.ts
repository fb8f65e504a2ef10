import { emitCallback } from "../callbacks/emit";
import { badField } from "../errors";
import { newId } from "../ids";
import { paginate } from "../paging";
import { applyMask, bool, enumParam, one, pageSize, updateMask } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import type { Conversation, Json } from "../store/types";
import { clean, copy, maxJsonLength, maxLength, requireApp, requireContact, requireConversation } from "./common";
import { emptyReply } from "./empty";
import { mergePatch } from "./merge-patch";

const UPDATABLE = ["active", "active_channel", "metadata", "metadata_json", "correlation_id"] as const;

/** Fire CONVERSATION_START/_STOP/_DELETE for a conversation. */
function conversationCallback(ctx: Pick<OperationContext, "rt" | "region" | "projectId">, trigger: string, c: Conversation): void {
  const key = `${trigger.toLowerCase()}_notification`;
  emitCallback(ctx.rt, {
    region: ctx.region, projectId: ctx.projectId, appId: c.app_id, trigger, key,
    payload: { conversation: copy(c) }, correlationId: c.correlation_id,
  });
}

function checkLimits(body: Json): void {
  maxLength(body, "metadata", 1024);
  maxLength(body, "correlation_id", 128);
  maxJsonLength(body, "metadata_json", 2048);
}

/** Store a new conversation (also used by messages:send and inbound simulation) and fire CONVERSATION_START. */
export function startConversation(ctx: Pick<OperationContext, "rt" | "region" | "projectId" | "store">, body: Json): Conversation {
  const c = clean({
    id: newId(),
    app_id: String(body.app_id),
    contact_id: String(body.contact_id),
    active: body.active === undefined ? true : Boolean(body.active),
    active_channel: body.active_channel as string | undefined,
    metadata: String(body.metadata ?? ""),
    metadata_json: copy((body.metadata_json as Json | undefined) ?? {}),
    correlation_id: String(body.correlation_id ?? ""),
  }) as Conversation;
  ctx.store.conversations.set(c.id, c);
  if (c.active) conversationCallback(ctx, "CONVERSATION_START", c);
  return c;
}

function create(ctx: OperationContext): Json {
  checkLimits(ctx.body);
  requireApp(ctx, ctx.body.app_id);
  requireContact(ctx, ctx.body.contact_id);
  return copy(startConversation(ctx, ctx.body));
}

function list(ctx: OperationContext): Json {
  const appId = one(ctx.query, "app_id");
  const contactId = one(ctx.query, "contact_id");
  if (appId === undefined && contactId === undefined) throw badField("app_id", "app_id or contact_id is required");
  const size = pageSize(ctx.query, 10, 20);
  const onlyActive = bool(ctx.query, "only_active", false);
  const channel = one(ctx.query, "active_channel");
  const all = [...ctx.store.conversations.values()].filter(
    (c) =>
      (appId === undefined || c.app_id === appId) &&
      (contactId === undefined || c.contact_id === contactId) &&
      (!onlyActive || c.active) &&
      (channel === undefined || c.active_channel === channel),
  );
  const page = paginate(all, size, one(ctx.query, "page_token"));
  return { conversations: copy(page.items), next_page_token: page.nextPageToken, total_size: page.totalSize };
}

function lastMessage(ctx: OperationContext, conversationId: string): Json | undefined {
  let last: Json | undefined;
  let at = -1;
  for (const m of ctx.store.messages.values()) {
    if (m.message.conversation_id === conversationId && m.acceptedMs >= at) {
      last = m.message;
      at = m.acceptedMs;
    }
  }
  return last;
}

function recent(ctx: OperationContext): Json {
  const appId = one(ctx.query, "app_id");
  if (appId === undefined) throw badField("app_id", "app_id is required");
  const size = pageSize(ctx.query, 10, 50);
  const onlyActive = bool(ctx.query, "only_active", false);
  const order = enumParam(ctx.query, "order", ["ASC", "DESC"] as const) ?? "DESC";
  const rows = [...ctx.store.conversations.values()]
    .filter((c) => c.app_id === appId && (!onlyActive || c.active))
    .map((c, i) => {
      const last = lastMessage(ctx, c.id);
      const at = last ? Date.parse(String(last.accept_time)) : 0;
      return { c, last, at, i };
    })
    .sort((a, b) => a.at - b.at || a.i - b.i);
  if (order === "DESC") rows.reverse();
  const items = rows.map((r) => clean({ conversation: copy(r.c), last_message: r.last ? copy(r.last) : undefined }));
  const page = paginate(items, size, one(ctx.query, "page_token"));
  return { conversations: page.items, next_page_token: page.nextPageToken, total_size: page.totalSize };
}

function update(ctx: OperationContext): Json {
  const c = requireConversation(ctx, ctx.params.conversation_id);
  checkLimits(ctx.body);
  const strategy = enumParam(ctx.query, "metadata_update_strategy", ["REPLACE", "MERGE_PATCH"] as const) ?? "REPLACE";
  const patch = copy(ctx.body);
  if (strategy === "MERGE_PATCH" && patch.metadata_json !== undefined) {
    patch.metadata_json = mergePatch(c.metadata_json, patch.metadata_json);
  }
  applyMask({
    target: c, patch, mask: updateMask(ctx.query), allowed: UPDATABLE,
    defaults: { active: false, metadata: "", metadata_json: {}, correlation_id: "" },
  });
  return copy(c);
}

function remove(ctx: OperationContext): Json {
  const c = requireConversation(ctx, ctx.params.conversation_id);
  ctx.store.deleteConversation(c.id);
  conversationCallback(ctx, "CONVERSATION_DELETE", c);
  return emptyReply();
}

function stop(ctx: OperationContext): Json {
  const c = requireConversation(ctx, ctx.params.conversation_id);
  if (c.active) {
    c.active = false;
    conversationCallback(ctx, "CONVERSATION_STOP", c);
  }
  return emptyReply();
}

/** Conversations: list, :recent, create, get, update, delete, :stop. */
export const conversationOperations: HandlerMap = {
  "Conversations/List conversations": list,
  "Conversations/List recent conversations": recent,
  "Conversations/Create conversation": create,
  "Conversations/Get conversation": (ctx) => requireConversation(ctx, ctx.params.conversation_id),
  "Conversations/Update conversation": update,
  "Conversations/Delete conversation": remove,
  "Conversations/Stop conversation": stop,
};
