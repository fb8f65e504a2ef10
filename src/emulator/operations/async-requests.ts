import { emitCallback } from "../callbacks/emit";
import { badField } from "../errors";
import { newId, nowIso } from "../ids";
import { resolveRecipient } from "../lifecycle/recipient";
import { isUnreachable } from "../lifecycle/unreachable";
import { one } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import type { Json } from "../store/types";
import { copy, requireApp } from "./common";


function capability(ctx: OperationContext): Json {
  const app = requireApp(ctx, ctx.body.app_id);
  const to = resolveRecipient(ctx, { app, recipient: ctx.body.recipient, createContact: false });
  const requestId = String(ctx.body.request_id || newId());
  const unreachable = isUnreachable(to.identity);
  ctx.rt.timers.after(ctx.rt.options.deliveryStepMs, () => void
    emitCallback(ctx.rt, {
      region: ctx.region, projectId: ctx.projectId, appId: app.id, trigger: "CAPABILITY", key: "capability_notification",
      payload: {
        contact_id: to.contact?.id ?? "", identity: to.identity, channel: to.channel,
        capability_status: unreachable ? "NO_CAPABILITY" : "CAPABILITY_FULL", request_id: requestId,
        channel_capabilities: unreachable ? [] : ["text", "media", "choice"],
        ...(unreachable ? { reason: { code: "RECIPIENT_NOT_REACHABLE", description: "The recipient is not reachable.", sub_code: "UNSPECIFIED_SUB_CODE" } } : {}),
      },
    }),
  );
  return { app_id: app.id, recipient: copy(ctx.body.recipient), request_id: requestId };
}

/** Record an opt-in (removes the identity from OPT_OUT_ALL) or an opt-out (adds it), with an audit record. */
function recordConsent(ctx: OperationContext, appId: string, identity: string, optOut: boolean): void {
  const lists = ctx.store.consents.get(appId) ?? new Map<string, Set<string>>();
  ctx.store.consents.set(appId, lists);
  const all = lists.get("OPT_OUT_ALL") ?? new Set<string>();
  lists.set("OPT_OUT_ALL", all);
  const had = all.has(identity);
  if (optOut) all.add(identity);
  else all.delete(identity);
  if (!optOut && !had) return;
  const trail = ctx.store.audit.get(appId) ?? new Map();
  ctx.store.audit.set(appId, trail);
  const records = trail.get(identity) ?? [];
  trail.set(identity, records);
  records.push({
    origin: "ORIGIN_API", operation: optOut ? (had ? "OPERATION_UPDATE" : "OPERATION_INSERT") : "OPERATION_DELETE",
    list_type: "OPT_OUT_ALL", project_id: ctx.projectId, app_id: appId, datetime: nowIso(),
  });
}

function register(kind: "opt_in" | "opt_out") {
  return (ctx: OperationContext): Json => {
    const app = requireApp(ctx, ctx.body.app_id);
    const channels = ctx.body.channels as string[] | undefined;
    if (!channels?.length) throw badField("channels", "at least one channel is required");
    const to = resolveRecipient(ctx, { app, recipient: ctx.body.recipient, channelPriorityOrder: channels, createContact: false });
    const requestId = one(ctx.query, "request_id") ?? newId();
    recordConsent(ctx, app.id, to.identity, kind === "opt_out");
    const trigger = kind === "opt_in" ? "OPT_IN" : "OPT_OUT";
    ctx.rt.timers.after(ctx.rt.options.deliveryStepMs, () => void
      emitCallback(ctx.rt, {
        region: ctx.region, projectId: ctx.projectId, appId: app.id, trigger, key: `${kind}_notification`,
        payload: {
          request_id: requestId, contact_id: to.contact?.id ?? "", channel: to.channel, identity: to.identity,
          status: `${trigger}_SUCCEEDED`, processing_mode: app.processing_mode,
        },
      }),
    );
    return { [kind]: { app_id: app.id, channels: copy(channels), recipient: copy(ctx.body.recipient) }, request_id: requestId };
  };
}

/** capability:query and the legacy optins:register / optouts:register. */
export const asyncOperations: HandlerMap = {
  "Capability/Query capability": capability,
  "Opt-in and opt-out/Register opt-in": register("opt_in"),
  "Opt-in and opt-out/Register opt-out": register("opt_out"),
};
