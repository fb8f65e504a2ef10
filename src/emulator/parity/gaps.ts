/**
 * Known gaps per operation: what a user's code could rely on in production that the emulator does not reproduce for
 * that operation. Keyed by operation id, or by a folder ("Messages/") for every operation in it. What the emulator
 * leaves out everywhere is in src/emulator/SCOPE-NOTES.md instead.
 */
const GAPS: Record<string, string[]> = {
  "OAuth2/": ["the OAuth gateway's token bucket (capacity 30, refill 10/s, API.md §9) is not applied; 429 only through an admin fault"],
  "Apps/": [
    "channel credentials are stored, never checked with the channel: any token is accepted and becomes ACTIVE",
    "rate_limits, retention_policy and message_retry_settings are stored, not enforced",
  ],
  "Contacts/": ["an identity is any string: no per-channel format check (E.164 for SMS, PSID for Messenger, ...)"],
  "Contacts/Get channel profile": ["the profile name is the emulator's own, not fetched from the channel"],
  "Messages/Send message": [
    "nothing is delivered: the status steps QUEUED_ON_CHANNEL -> DELIVERED -> READ run on a timer",
    "no SWITCHING_CHANNEL or channel fallback, and no channel-side validation (the real API reports it as a FAILED delivery with reason BAD_REQUEST)",
    "reachability is a rule (an identity ending in 0000 fails with RECIPIENT_NOT_REACHABLE), not the channel's answer",
    "the per-app MT queue (500,000 messages, drained at about 20/s) is not emulated",
  ],
  "Transcoding/Transcode message": ["WHATSAPP text and location are channel-native; every other channel and message kind gets the emulator's own JSON"],
  "Events/Send event": ["nothing is delivered: QUEUED_ON_CHANNEL -> DELIVERED runs on a timer"],
  "Capability/": ["the capability answer is a rule (an identity ending in 0000 has NO_CAPABILITY), not asked of the channel"],
  "Webhooks/": [
    "callbacks are POSTed to the target from this machine: client_credentials (OAuth2 to the target) is stored, never used",
    "the per-app callback rate (rate_limits.webhooks, 25/s) is not applied",
  ],
  "Templates v2/": ["templates are stored as given: no channel approval and no per-channel template validation"],
};

/** The known gaps of one operation: those of its folder, then its own. */
export function operationGaps(operationId: string): string[] {
  const folder = operationId.slice(0, operationId.indexOf("/") + 1);
  return [...(GAPS[folder] ?? []), ...(GAPS[operationId] ?? [])];
}
