import { emitCallback } from "../callbacks/emit";
import { CALLBACK_FORMATS } from "../callbacks/format";
import { badField, notFound } from "../errors";
import { nowIso } from "../ids";
import { REGIONS, type Region } from "../../vocabulary/regions";
import type { Runtime } from "../runtime";
import type { Json } from "../store/types";
import { validateRequestBody } from "../validation";
import { AdminInput } from "./admin-input";

/** Where an admin-triggered callback happens: region (default us) and project (default the emulator's). */
function place(rt: Runtime, input: AdminInput): { region: Region; projectId: string } {
  return { region: input.optionalEnum("region", REGIONS) ?? "us", projectId: input.optionalString("project") ?? rt.options.projectId };
}

/** A required field whose value the schema checks (an object of the callback payload). */
function checked(rt: Runtime, input: AdminInput, field: string, schema: string): Json {
  if (!input.has(field)) throw badField(field, `${field} is required`);
  validateRequestBody(rt.contract, schema, input.raw(field), field);
  return input.raw(field) as Json;
}

/**
 * POST /_emulator/channel-event: the channel tells the app something about itself (a WhatsApp quality rating
 * changed, ...); a CHANNEL_EVENT callback goes to the app's webhooks that want it.
 */
export function channelEvent(rt: Runtime, raw: unknown): Json {
  const input = new AdminInput(raw, ["region", "project", "app_id", "channel_event"]);
  const { region, projectId } = place(rt, input);
  const appId = input.string("app_id");
  const event = checked(rt, input, "channel_event", "emulator/channel-event");
  if (!rt.world.project(region, projectId).apps.has(appId)) throw notFound("App", appId);
  const accepted = nowIso();
  const webhooks = emitCallback(rt, {
    region, projectId, appId, trigger: "CHANNEL_EVENT", key: "channel_event_notification", payload: { channel_event: event }, acceptedTime: accepted,
  });
  return { trigger: "CHANNEL_EVENT", accepted_time: accepted, webhooks };
}

/**
 * POST /_emulator/smart-conversation: Smart Conversations analysed a stored message; a SMART_CONVERSATION callback
 * with the given analysis goes to the webhooks of the message's app that want it.
 */
export function smartConversation(rt: Runtime, raw: unknown): Json {
  const input = new AdminInput(raw, ["region", "project", "message_id", "analysis_results"]);
  const { region, projectId } = place(rt, input);
  const messageId = input.string("message_id");
  const analysis = checked(rt, input, "analysis_results", "emulator/analysis-results");
  const record = rt.world.project(region, projectId).messages.get(messageId);
  if (!record) throw notFound("Message", messageId);
  const m = record.message;
  const accepted = nowIso();
  const webhooks = emitCallback(rt, {
    region, projectId, appId: record.appId, trigger: "SMART_CONVERSATION", key: "smart_conversation_notification", acceptedTime: accepted,
    payload: {
      contact_id: m.contact_id, channel_identity: m.channel_identity.identity, channel: m.channel_identity.channel,
      message_id: m.id, conversation_id: m.conversation_id, analysis_results: analysis,
    },
  });
  return { trigger: "SMART_CONVERSATION", accepted_time: accepted, webhooks };
}

/** POST /_emulator/callback-format: how one webhook's callbacks are serialised from now on. */
export function setCallbackFormat(rt: Runtime, raw: unknown): Json {
  const input = new AdminInput(raw, ["webhook_id", "format"]);
  const webhookId = input.string("webhook_id");
  const format = input.enum("format", CALLBACK_FORMATS);
  const exists = rt.world.entities().some((e) => e.kind === "webhooks" && e.id === webhookId);
  if (!exists) throw notFound("Webhook", webhookId);
  rt.callbacks.formats.set(webhookId, format);
  return { webhook_id: webhookId, format };
}
