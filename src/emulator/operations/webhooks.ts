import { badField, invalidArgument, notFound } from "../errors";
import { newId } from "../ids";
import { applyMask, updateMask } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import type { Json, Webhook } from "../store/types";
import { clean, copy, requireApp } from "./common";
import { emptyReply } from "./empty";

const MAX_PER_APP = 5;
const MAX_TARGET = 742;
const UPDATABLE = ["target", "target_type", "secret", "triggers", "client_credentials"] as const;

function checkWebhook(ctx: OperationContext, w: Json, selfId?: string): void {
  const target = w.target;
  if (typeof target !== "string" || target === "") throw badField("target", "target is required");
  if (target.length > MAX_TARGET) throw badField("target", `target must be at most ${MAX_TARGET} characters`);
  if (/^https?:\/\/conversation-api\.[^/]*sinch\.com/i.test(target) || /^https?:\/\/[^/]*\.conversation\.api\.sinch\.com/i.test(target)) {
    throw badField("target", "the target may not point at the Conversation API itself");
  }
  const triggers = w.triggers;
  if (!Array.isArray(triggers) || triggers.length === 0) throw badField("triggers", "at least one trigger is required");
  if (triggers.includes("UNSPECIFIED_TRIGGER")) throw badField("triggers", "UNSPECIFIED_TRIGGER is not allowed");
  if (new Set(triggers).size !== triggers.length) throw badField("triggers", "duplicated triggers");
  const same = ctx.store.webhooksOf(String(w.app_id)).find((x) => x.target === target && x.id !== selfId);
  if (same) throw badField("target", `the app already has a webhook with target ${target}`);
}

function create(ctx: OperationContext): Json {
  const app = requireApp(ctx, ctx.body.app_id);
  if (ctx.store.webhooksOf(app.id).length >= MAX_PER_APP) {
    throw invalidArgument([{ field: "app_id", description: `an app can have at most ${MAX_PER_APP} webhooks` }], "Webhook limit reached");
  }
  checkWebhook(ctx, ctx.body);
  const w = clean({
    id: newId(), app_id: app.id, target: String(ctx.body.target), target_type: String(ctx.body.target_type ?? "HTTP"),
    secret: String(ctx.body.secret ?? ""), triggers: copy(ctx.body.triggers as string[]),
    client_credentials: ctx.body.client_credentials ? copy(ctx.body.client_credentials) : undefined,
  }) as Webhook;
  ctx.store.webhooks.set(w.id, w);
  return copy(w);
}

function requireWebhook(ctx: OperationContext): Webhook {
  const w = ctx.store.webhooks.get(ctx.params.webhook_id as string);
  if (!w) throw notFound("Webhook", ctx.params.webhook_id as string);
  return w;
}

function update(ctx: OperationContext): Json {
  const w = requireWebhook(ctx);
  const next = copy(w);
  applyMask({ target: next, patch: copy(ctx.body), mask: updateMask(ctx.query), allowed: UPDATABLE, defaults: { secret: "", target_type: "HTTP" } });
  checkWebhook(ctx, next, w.id);
  ctx.store.webhooks.set(w.id, next);
  return copy(next);
}

/** Webhooks: list by app, create, get, update, delete. */
export const webhookOperations: HandlerMap = {
  "Webhooks/List webhooks": (ctx) => ({ webhooks: ctx.store.webhooksOf(requireApp(ctx, ctx.params.app_id).id) }),
  "Webhooks/Create webhook": create,
  "Webhooks/Get webhook": requireWebhook,
  "Webhooks/Update webhook": update,
  "Webhooks/Delete webhook": (ctx) => {
    ctx.store.webhooks.delete(requireWebhook(ctx).id);
    return emptyReply();
  },
};
