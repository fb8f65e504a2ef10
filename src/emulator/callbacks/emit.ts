import { nowIso } from "../ids";
import type { Region } from "../../vocabulary/regions";
import type { Runtime } from "../runtime";
import type { Json, Webhook } from "../store/types";
import type { Delivery } from "./dispatcher";
import { serialiseCallback, type CallbackFormat } from "./format";

/** One event that may produce callbacks. */
export interface CallbackEvent {
  region: Region;
  projectId: string;
  /** undefined for project-level events (contacts): every webhook of the project may get it */
  appId?: string;
  trigger: string;
  /** the one trigger-specific key of the payload, e.g. message_delivery_report */
  key: string;
  payload: Json;
  acceptedTime?: string;
  correlationId?: string;
  messageMetadata?: string;
  /** per-message callback_url override, signed with the app's secret_for_overridden_callback_urls */
  callbackUrl?: string;
}

function wants(w: Webhook, trigger: string): boolean {
  if (w.target_type === "DISMISS") return false;
  if (trigger === "SMART_CONVERSATION") {
    return w.triggers.includes("SMART_CONVERSATION") || w.triggers.includes("SMART_CONVERSATIONS");
  }
  return w.triggers.includes(trigger);
}

/** The callback body: the common fields plus exactly one trigger key, which names the trigger (there is no trigger field). */
function callbackBody(ev: CallbackEvent, projectAppId: string): Json {
  const now = nowIso();
  return {
    app_id: projectAppId,
    accepted_time: ev.acceptedTime ?? now,
    event_time: now,
    project_id: ev.projectId,
    [ev.key]: ev.payload,
    message_metadata: ev.messageMetadata ?? "",
    correlation_id: ev.correlationId ?? "",
  };
}

/** Where one callback goes and how it is signed. */
type Recipient = Pick<Delivery, "target" | "secret" | "appId" | "webhookId">;

/** The per-message callback_url if given, else every webhook (of the app, or of the project) whose triggers include the event. */
function recipientsOf(rt: Runtime, ev: CallbackEvent): Recipient[] {
  const store = rt.world.project(ev.region, ev.projectId);
  if (ev.callbackUrl && ev.appId) {
    const settings = (store.apps.get(ev.appId)?.callback_settings ?? {}) as { secret_for_overridden_callback_urls?: string };
    return [{ target: ev.callbackUrl, secret: settings.secret_for_overridden_callback_urls || undefined, appId: ev.appId }];
  }
  const out: Recipient[] = [];
  for (const w of store.webhooks.values()) {
    if (ev.appId !== undefined && w.app_id !== ev.appId) continue;
    if (wants(w, ev.trigger)) out.push({ target: w.target, secret: w.secret || undefined, appId: w.app_id, webhookId: w.id });
  }
  return out;
}

/**
 * Send an event to its recipients. The body is serialised here, at once, so callers may pass stored objects; it is
 * built at all only when someone receives it or the self-check is on. Returns how many recipients it goes to.
 */
export function emitCallback(rt: Runtime, ev: CallbackEvent): number {
  const recipients = recipientsOf(rt, ev);
  if (recipients.length === 0 && !rt.selfCheck) return 0;
  const body = callbackBody(ev, ev.appId ?? "");
  const schema = callbackSchema(rt, ev.trigger);
  rt.checkBody({ method: "CALLBACK", url: ev.trigger, status: 200 }, schema, body);
  // API changes reshape a copy after the check: they are meant to break the contract
  const sent = rt.changes.empty || recipients.length === 0 ? body : rt.changes.applyToBody({ region: ev.region, schema, status: 200, body }).body;
  const raw = new Map<CallbackFormat, string>();
  for (const r of recipients) {
    const format = rt.callbacks.formats.of(r.webhookId);
    const body = raw.get(format) ?? serialiseCallback(sent, format);
    raw.set(format, body);
    rt.callbacks.send({ trigger: ev.trigger, body, region: ev.region, projectId: ev.projectId, ...r });
  }
  return recipients.length;
}

function callbackSchema(rt: Runtime, trigger: string): string {
  return rt.contract.callbackSchema(trigger) ?? `callbacks/${trigger.toLowerCase().replace(/_/g, "-")}`;
}
