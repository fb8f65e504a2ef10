import { ApiError, badField } from "../errors";
import type { HandlerMap, OperationContext } from "./handler";
import type { Json } from "../store/types";
import { requireApp } from "./common";

/**
 * WhatsApp Cloud API messages, as the SDK's transcode fixture shows them (a location; `biz_opaque_callback_data`
 * is null) and, for text, WhatsApp's own text message. Other message kinds: undefined (not emulated).
 */
function whatsapp(msg: Json, to: string): Json | undefined {
  const envelope = { messaging_product: "whatsapp", biz_opaque_callback_data: null, to };
  const text = (msg.text_message as { text?: string } | undefined)?.text;
  if (text !== undefined) return { ...envelope, type: "text", recipient_type: "individual", text: { body: text } };
  const loc = msg.location_message as { coordinates?: { latitude?: number; longitude?: number }; title?: string } | undefined;
  if (!loc) return undefined;
  return {
    ...envelope, type: "location", recipient_type: "individual",
    location: { longitude: String(loc.coordinates?.longitude ?? ""), latitude: String(loc.coordinates?.latitude ?? ""), name: loc.title ?? "" },
  };
}

/** The channels whose native format is known (API.md: only WhatsApp, from the SDK fixture), by channel. */
const TRANSCODERS: Record<string, (msg: Json, to: string) => Json | undefined> = { WHATSAPP: whatsapp };

/** What the emulator does not transcode: 501 NOT_IMPLEMENTED naming each channel, rather than an invented format. */
function notEmulated(channels: string[]): ApiError {
  return new ApiError(501, `The emulator does not transcode to ${channels.join(", ")}: it renders only WhatsApp text and location messages, the format the API documents`, [
    {
      "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "TRANSCODING_NOT_EMULATED", domain: "conversation-contract emulator",
      metadata: { channels: channels.join(",") },
    },
  ]);
}

/** POST messages:transcode: a channel-native JSON string per requested channel. */
function transcode(ctx: OperationContext): Json {
  requireApp(ctx, ctx.body.app_id);
  const channels = ctx.body.channels as string[] | undefined;
  if (!channels?.length) throw badField("channels", "at least one channel is required");
  const msg = (ctx.body.app_message ?? {}) as Json;
  const to = String(ctx.body.to ?? "");
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const ch of channels) {
    const native = TRANSCODERS[ch]?.(msg, to);
    if (native === undefined) missing.push(ch);
    else out[ch] = JSON.stringify(native);
  }
  if (missing.length) throw notEmulated(missing);
  return { transcoded_message: out };
}

/** messages:transcode. */
export const transcodeOperations: HandlerMap = {
  "Transcoding/Transcode message": transcode,
};
