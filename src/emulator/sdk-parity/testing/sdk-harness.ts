import { ConversationCallbackWebhooks, SinchClient, type ConversationService } from "@sinch/sdk-core";
import type { Region } from "../../../vocabulary/regions";
import type { Harness } from "../../testing/harness";
import { useHarnessAndReceiver, type Received, type Receiver } from "../../testing/receiver";

/** The secret of every webhook the parity tests register: the SDK's validator checks each callback with it. */
export const WEBHOOK_SECRET = "sdk-parity-secret";

/** A callback as the SDK sees it: its signature checked over the raw body, its body parsed by the SDK. */
export interface SdkCallback {
  received: Received;
  signatureValid: boolean;
  /** the SDK's parse, with the trigger it infers from the payload key; undefined when the SDK could not parse it */
  event?: ReturnType<ConversationCallbackWebhooks["parseEvent"]>;
  parseError?: string;
}

/** An emulator with a webhook receiver and the official SDK aimed at it. */
export interface SdkParity {
  h: Harness;
  rx: Receiver;
  /** `@sinch/sdk-core`'s conversation service for a region: full base URLs for auth, conversation and templates */
  sdk(region?: Region): ConversationService;
  /** every callback received so far, read through the SDK */
  callbacks(): SdkCallback[];
}

/** The SDK configured for one emulator region, with the emulator's credentials. */
export function sdkFor(h: Harness, region: Region = "us"): ConversationService {
  const urls = h.emu.info.regions[region];
  return new SinchClient({
    projectId: h.project, keyId: h.emu.info.clientId, keySecret: h.emu.info.clientSecret, conversationRegion: region, logger: null,
    authHostname: urls.authUrl, conversationHostname: urls.baseUrl, conversationTemplatesHostname: urls.templateBaseUrl,
  }).conversation;
}

/** Read one received callback the way a user's receiver built on the SDK would. */
export function throughSdk(received: Received, secret = WEBHOOK_SECRET): SdkCallback {
  const webhooks = new ConversationCallbackWebhooks(secret);
  const signatureValid = webhooks.validateAuthenticationHeader(received.headers, received.raw);
  try {
    return { received, signatureValid, event: webhooks.parseEvent(received.raw) };
  } catch (err) {
    return { received, signatureValid, parseError: err instanceof Error ? err.message : String(err) };
  }
}

/** Jest lifecycle: one emulator (self-checked), one receiver, the SDK on top. */
export function useSdkParity(onStarted: (parity: SdkParity) => void): void {
  useHarnessAndReceiver(({ h, rx }) =>
    onStarted({ h, rx, sdk: (region) => sdkFor(h, region), callbacks: () => rx.received.map((r) => throughSdk(r)) }),
  );
}
