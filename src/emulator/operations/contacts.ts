import { emitCallback } from "../callbacks/emit";
import { badField } from "../errors";
import { newId } from "../ids";
import { paginate } from "../paging";
import { applyMask, one, pageSize, updateMask } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import { sameIdentity, storedIdentities } from "../store/identity";
import type { ChannelIdentity, Contact, Json } from "../store/types";
import { copy, maxLength, requireContact } from "./common";
import { emptyReply } from "./empty";

const UPDATABLE = ["channel_identities", "channel_priority", "display_name", "email", "external_id", "metadata", "language"] as const;
const DEFAULTS = { channel_identities: [], channel_priority: [], display_name: "", email: "", external_id: "", metadata: "", language: "UNSPECIFIED" };

/** Fire a CONTACT_* callback to every webhook of the project that wants it. */
export function contactCallback(ctx: Pick<OperationContext, "rt" | "region" | "projectId">, trigger: string, payload: Json): void {
  const key = `${trigger.toLowerCase()}_notification`;
  emitCallback(ctx.rt, { region: ctx.region, projectId: ctx.projectId, trigger, key, payload });
}

/**
 * Fire CONTACT_IDENTITIES_DUPLICATION to the app's webhooks when a message or event for an identity is processed and
 * more than one contact has that identity (the API lets contacts share one; the SDK's model says the callback comes
 * "during message and event processing", not when the contact is saved).
 */
export function reportDuplicates(ctx: Pick<OperationContext, "rt" | "region" | "projectId" | "store">, appId: string, ci: ChannelIdentity): void {
  const owners = [...ctx.store.contacts.values()]
    .filter((c) => c.channel_identities.some((o) => o.channel === ci.channel && o.identity === ci.identity && (!o.app_id || o.app_id === appId)))
    .map((c) => c.id);
  if (owners.length < 2) return;
  emitCallback(ctx.rt, {
    region: ctx.region, projectId: ctx.projectId, appId, trigger: "CONTACT_IDENTITIES_DUPLICATION",
    key: "duplicated_contact_identities_notification", payload: { duplicated_identities: [{ channel: ci.channel, contact_ids: owners }] },
  });
}

function checkLimits(body: Json): void {
  maxLength(body, "metadata", 1024);
  maxLength(body, "display_name", 1024);
  maxLength(body, "external_id", 1024);
}

/** Build and store a contact (also used when a send or an inbound message creates one). */
export function storeContact(ctx: Pick<OperationContext, "store">, body: Json): Contact {
  const contact: Contact = {
    id: newId(),
    channel_identities: storedIdentities(copy((body.channel_identities as ChannelIdentity[] | undefined) ?? [])),
    channel_priority: copy((body.channel_priority as string[] | undefined) ?? []),
    display_name: String(body.display_name ?? ""),
    email: String(body.email ?? ""),
    external_id: String(body.external_id ?? ""),
    metadata: String(body.metadata ?? ""),
    language: String(body.language ?? "UNSPECIFIED"),
  };
  ctx.store.contacts.set(contact.id, contact);
  return contact;
}

function create(ctx: OperationContext): Json {
  checkLimits(ctx.body);
  const contact = storeContact(ctx, ctx.body);
  contactCallback(ctx, "CONTACT_CREATE", { contact });
  return contact;
}

function list(ctx: OperationContext): Json {
  const size = pageSize(ctx.query, 10, 20);
  const externalId = one(ctx.query, "external_id");
  const channel = one(ctx.query, "channel");
  const identity = one(ctx.query, "identity");
  if (externalId !== undefined && (channel !== undefined || identity !== undefined)) {
    throw badField("external_id", "external_id cannot be combined with channel and identity");
  }
  if ((channel === undefined) !== (identity === undefined)) {
    throw badField(channel === undefined ? "channel" : "identity", "channel and identity must be given together");
  }
  let all = [...ctx.store.contacts.values()];
  if (externalId !== undefined) all = all.filter((c) => c.external_id === externalId);
  if (channel !== undefined) {
    all = all.filter((c) => c.channel_identities.some((ci) => ci.channel === channel && sameIdentity(channel, ci.identity, identity as string)));
  }
  const page = paginate(all, size, one(ctx.query, "page_token"));
  return { contacts: copy(page.items), next_page_token: page.nextPageToken };
}

function update(ctx: OperationContext): Json {
  const contact = requireContact(ctx, ctx.params.contact_id);
  checkLimits(ctx.body);
  applyMask({ target: contact, patch: copy(ctx.body), mask: updateMask(ctx.query), allowed: UPDATABLE, defaults: DEFAULTS });
  contact.channel_identities = storedIdentities(contact.channel_identities);
  contactCallback(ctx, "CONTACT_UPDATE", { contact: copy(contact) });
  return copy(contact);
}

function remove(ctx: OperationContext): Json {
  const contact = requireContact(ctx, ctx.params.contact_id);
  ctx.store.contacts.delete(contact.id);
  for (const [id, c] of ctx.store.conversations) if (c.contact_id === contact.id) ctx.store.deleteConversation(id);
  contactCallback(ctx, "CONTACT_DELETE", { contact: copy(contact) });
  return emptyReply();
}

/** Contacts: list, create, get, update, delete. */
export const contactOperations: HandlerMap = {
  "Contacts/List contacts": list,
  "Contacts/Create contact": create,
  "Contacts/Get contact": (ctx) => requireContact(ctx, ctx.params.contact_id),
  "Contacts/Update contact": update,
  "Contacts/Delete contact": remove,
};
