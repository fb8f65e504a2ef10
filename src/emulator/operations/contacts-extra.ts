import { badField } from "../errors";
import { paginate } from "../paging";
import { one, pageSize } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import type { Json } from "../store/types";
import { copy, requireApp, requireContact } from "./common";
import { contactCallback } from "./contacts";

const PROFILE_CHANNELS = ["MESSENGER", "INSTAGRAM", "VIBER", "LINE"];

function merge(ctx: OperationContext): Json {
  const dest = requireContact(ctx, ctx.params.contact_id);
  if (ctx.body.source_id === dest.id) throw badField("source_id", "source_id must differ from the destination contact");
  const source = requireContact(ctx, ctx.body.source_id);
  const deleted = copy(source);
  const have = new Set(dest.channel_identities.map((ci) => ci.channel));
  for (const ci of source.channel_identities) if (!have.has(ci.channel)) dest.channel_identities.push(copy(ci));
  for (const c of ctx.store.conversations.values()) if (c.contact_id === source.id) c.contact_id = dest.id;
  for (const m of ctx.store.messages.values()) if (m.message.contact_id === source.id) m.message.contact_id = dest.id;
  for (const e of ctx.store.events.values()) if (e.event.contact_id === source.id) e.event.contact_id = dest.id;
  ctx.store.contacts.delete(source.id);
  contactCallback(ctx, "CONTACT_MERGE", { preserved_contact: copy(dest), deleted_contact: deleted });
  return copy(dest);
}

function channelProfile(ctx: OperationContext): Json {
  const channel = String(ctx.body.channel ?? "");
  if (!PROFILE_CHANNELS.includes(channel)) throw badField("channel", `must be one of ${PROFILE_CHANNELS.join(", ")}`);
  requireApp(ctx, ctx.body.app_id);
  const recipient = (ctx.body.recipient ?? {}) as { contact_id?: string; identified_by?: { channel_identities?: { identity?: string }[] } };
  let name = recipient.identified_by?.channel_identities?.[0]?.identity;
  if (recipient.contact_id !== undefined) {
    const contact = requireContact(ctx, recipient.contact_id);
    name = contact.display_name || contact.channel_identities.find((ci) => ci.channel === channel)?.identity;
  }
  return { profile_name: `Emulated ${name ?? "profile"}` };
}

function identityConflicts(ctx: OperationContext): Json {
  const size = pageSize(ctx.query, 10, 20);
  const byIdentity = new Map<string, { channels: Set<string>; contacts: Set<string> }>();
  for (const c of ctx.store.contacts.values()) {
    for (const ci of c.channel_identities) {
      const entry = byIdentity.get(ci.identity) ?? { channels: new Set<string>(), contacts: new Set<string>() };
      entry.channels.add(ci.channel);
      entry.contacts.add(c.id);
      byIdentity.set(ci.identity, entry);
    }
  }
  const conflicts = [...byIdentity]
    .filter(([, e]) => e.contacts.size > 1)
    .map(([identity, e]) => ({ identity, channels: [...e.channels], contact_ids: [...e.contacts] }));
  const page = paginate(conflicts, size, one(ctx.query, "page_token"));
  return { conflicts: page.items, next_page_token: page.nextPageToken };
}

/** Contacts: :merge, :getChannelProfile, :identityConflicts. */
export const contactExtraOperations: HandlerMap = {
  "Contacts/Merge contacts": merge,
  "Contacts/Get channel profile": channelProfile,
  "Contacts/List identity conflicts": identityConflicts,
};
