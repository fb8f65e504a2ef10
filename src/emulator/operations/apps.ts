import { emptyReply } from "./empty";
import { newId } from "../ids";
import { applyMask, updateMask } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import type { App, Json } from "../store/types";
import { copy, requireApp } from "./common";

const UPDATABLE = [
  "display_name", "channel_credentials", "conversation_metadata_report_view", "retention_policy",
  "dispatch_retention_policy", "processing_mode", "smart_conversation", "callback_settings",
  "delivery_report_based_fallback", "message_retry_settings", "persist_message_status", "message_search", "rate_limits",
] as const;

function credential(c: Json, status: "PENDING" | "ACTIVE"): Json {
  return { ...copy(c), state: { status, description: "" }, channel_known_id: (c.channel_known_id as string) ?? "" };
}

function newApp(body: Json): App {
  return {
    id: newId(),
    display_name: String(body.display_name ?? ""),
    channel_credentials: ((body.channel_credentials as Json[] | undefined) ?? []).map((c) => credential(c, "ACTIVE")),
    conversation_metadata_report_view: body.conversation_metadata_report_view ?? "NONE",
    rate_limits: { inbound: 25, outbound: 25, webhooks: 25 },
    retention_policy: body.retention_policy ?? { retention_type: "MESSAGE_EXPIRE_POLICY", ttl_days: 180 },
    dispatch_retention_policy: body.dispatch_retention_policy ?? { retention_type: "MESSAGE_EXPIRE_POLICY", ttl_days: 0 },
    processing_mode: String(body.processing_mode ?? "DISPATCH"),
    smart_conversation: body.smart_conversation ?? { enabled: false },
    queue_stats: { outbound_size: 0, outbound_limit: 500000 },
    persist_message_status: body.persist_message_status ?? { enabled: false },
    message_search: body.message_search ?? { enabled: false },
    callback_settings: body.callback_settings ?? { secret_for_overridden_callback_urls: "" },
    delivery_report_based_fallback: body.delivery_report_based_fallback ?? null,
    message_retry_settings: body.message_retry_settings ?? null,
  };
}

function create(ctx: OperationContext): Json {
  const app = newApp(ctx.body);
  ctx.store.apps.set(app.id, app);
  // a new credential is PENDING in the create reply and ACTIVE when read later, as the Java e2e expects
  const reply = copy(app);
  reply.channel_credentials = app.channel_credentials.map((c) => credential(c, "PENDING"));
  return reply;
}

function update(ctx: OperationContext): Json {
  const app = requireApp(ctx, ctx.params.app_id);
  const patch = copy(ctx.body);
  if (Array.isArray(patch.channel_credentials)) {
    patch.channel_credentials = (patch.channel_credentials as Json[]).map((c) => credential(c, "ACTIVE"));
  }
  applyMask({ target: app, patch, mask: updateMask(ctx.query), allowed: UPDATABLE, defaults: newApp({}) });
  return copy(app);
}

/** Apps: list, create, get, update, delete. */
export const appOperations: HandlerMap = {
  "Apps/List apps": (ctx) => ({ apps: [...ctx.store.apps.values()] }),
  "Apps/Create app": create,
  "Apps/Get app": (ctx) => requireApp(ctx, ctx.params.app_id),
  "Apps/Update app": update,
  "Apps/Delete app": (ctx) => {
    ctx.store.deleteApp(requireApp(ctx, ctx.params.app_id).id);
    return emptyReply();
  },
};
