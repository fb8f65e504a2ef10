/** Each webhook trigger and the one payload key its callbacks carry (there is no trigger field: sinch-sdk-node callbacks-webhook.ts works the trigger out from the key). */
export const TRIGGER_KEYS: Readonly<Record<string, string>> = {
  MESSAGE_INBOUND: "message",
  MESSAGE_DELIVERY: "message_delivery_report",
  MESSAGE_SUBMIT: "message_submit_notification",
  EVENT_INBOUND: "event",
  EVENT_DELIVERY: "event_delivery_report",
  CONVERSATION_START: "conversation_start_notification",
  CONVERSATION_STOP: "conversation_stop_notification",
  CONVERSATION_DELETE: "conversation_delete_notification",
  CONTACT_CREATE: "contact_create_notification",
  CONTACT_UPDATE: "contact_update_notification",
  CONTACT_DELETE: "contact_delete_notification",
  CONTACT_MERGE: "contact_merge_notification",
  CONTACT_IDENTITIES_DUPLICATION: "duplicated_contact_identities_notification",
  CAPABILITY: "capability_notification",
  OPT_IN: "opt_in_notification",
  OPT_OUT: "opt_out_notification",
  CHANNEL_EVENT: "channel_event_notification",
  UNSUPPORTED: "unsupported_callback",
  SMART_CONVERSATION: "smart_conversation_notification",
  SMART_CONVERSATIONS: "smart_conversation_notification",
  MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION: "message_redaction",
  RECORD_NOTIFICATION: "record_notification",
};

const BY_KEY = new Map(Object.entries(TRIGGER_KEYS).reverse().map(([trigger, key]) => [key, trigger]));

/** The trigger a callback body belongs to, worked out from its payload key (for hints). */
export function triggerOfBody(body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  for (const key of Object.keys(body)) {
    const trigger = BY_KEY.get(key);
    if (trigger) return trigger;
  }
  return undefined;
}
