import { badField } from "../errors";
import type { HandlerMap, OperationContext } from "./handler";
import type { Json } from "../store/types";
import { requireApp } from "./common";

function whatsapp(msg: Json, to: string): Json {
  const text = (msg.text_message as { text?: string } | undefined)?.text;
  if (text !== undefined) return { messaging_product: "whatsapp", to, type: "text", recipient_type: "individual", text: { body: text } };
  const loc = msg.location_message as { coordinates?: { latitude?: number; longitude?: number }; title?: string } | undefined;
  if (loc) {
    return {
      messaging_product: "whatsapp", to, type: "location", recipient_type: "individual",
      location: { longitude: String(loc.coordinates?.longitude ?? ""), latitude: String(loc.coordinates?.latitude ?? ""), name: loc.title ?? "" },
    };
  }
  return { messaging_product: "whatsapp", to, type: "interactive", recipient_type: "individual", omni: msg };
}

function generic(channel: string, msg: Json, to: string): Json {
  const text = (msg.text_message as { text?: string } | undefined)?.text;
  return text !== undefined ? { channel, to, text } : { channel, to, message: msg };
}

/** POST messages:transcode: a channel-native JSON string per requested channel. */
function transcode(ctx: OperationContext): Json {
  requireApp(ctx, ctx.body.app_id);
  const channels = ctx.body.channels as string[] | undefined;
  if (!channels?.length) throw badField("channels", "at least one channel is required");
  const msg = (ctx.body.app_message ?? {}) as Json;
  const to = String(ctx.body.to ?? "");
  const out: Record<string, string> = {};
  for (const ch of channels) out[ch] = JSON.stringify(ch === "WHATSAPP" ? whatsapp(msg, to) : generic(ch, msg, to));
  return { transcoded_message: out };
}

/** messages:transcode. */
export const transcodeOperations: HandlerMap = {
  "Transcoding/Transcode message": transcode,
};
