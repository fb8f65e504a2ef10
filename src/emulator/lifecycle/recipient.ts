import { badField } from "../errors";
import type { OperationContext } from "../operations/handler";
import { copy, requireContact } from "../operations/common";
import { contactCallback, reportDuplicates, storeContact } from "../operations/contacts";
import { storedIdentity } from "../store/identity";
import type { App, ChannelIdentity, Contact, Json } from "../store/types";

/** A recipient as requests carry it. */
interface Recipient {
  contact_id?: string;
  identified_by?: { channel_identities?: ChannelIdentity[] };
}

/** Who a send goes to and on which channel. */
export interface ResolvedRecipient {
  contact?: Contact;
  channel: string;
  identity: string;
  conversationMode: boolean;
}

/** What resolveRecipient needs besides the route context (createContact: true for message and event sends). */
export interface RecipientRequest {
  app: App;
  recipient: unknown;
  channelPriorityOrder?: string[];
  /** create the contact of an identified_by recipient in CONVERSATION mode */
  createContact: boolean;
  processingStrategy?: string;
}

/**
 * Channel selection in the documented order: channel_priority_order, the identified_by identities, the
 * active conversation's channel, the contact's channel_priority, then the app's credential order.
 */
export function resolveRecipient(ctx: OperationContext, req: RecipientRequest): ResolvedRecipient {
  const r = (req.recipient ?? {}) as Recipient;
  const conversationMode = req.app.processing_mode === "CONVERSATION" && req.processingStrategy !== "DISPATCH_ONLY";
  let contact: Contact | undefined;
  let identities: ChannelIdentity[];
  if (r.contact_id !== undefined) {
    contact = requireContact(ctx, r.contact_id);
    identities = contact.channel_identities.filter((ci) => !ci.app_id || ci.app_id === req.app.id);
  } else {
    identities = r.identified_by?.channel_identities ?? [];
    if (!identities.length) throw badField("recipient", "recipient needs contact_id or identified_by.channel_identities");
    if (conversationMode) contact = findOrCreateContact(ctx, req, identities);
  }
  const order = [
    ...(req.channelPriorityOrder ?? []),
    ...(r.identified_by ? identities.map((ci) => ci.channel) : []),
    ...(contact ? activeChannel(ctx, req.app.id, contact.id) : []),
    ...(contact?.channel_priority ?? []),
    ...identities.map((ci) => ci.channel),
    ...req.app.channel_credentials.map((c) => String(c.channel)),
  ];
  const chosen = firstIdentity(order, identities);
  // a message or event to an identity several contacts share is when the API reports the duplication
  if (req.createContact) reportDuplicates(ctx, req.app.id, chosen);
  return { contact, ...chosen, conversationMode };
}

/** The identity of the first channel in `order` the recipient has one on, as the API stores it. */
function firstIdentity(order: string[], identities: ChannelIdentity[]): { channel: string; identity: string } {
  for (const channel of order) {
    const hit = identities.find((ci) => ci.channel === channel);
    if (hit) return { channel, identity: storedIdentity(channel, hit.identity) };
  }
  throw badField("recipient", "the recipient has no channel identity on any channel this request can use");
}

function activeChannel(ctx: OperationContext, appId: string, contactId: string): string[] {
  const c = ctx.store.activeConversation(appId, contactId);
  return c?.active_channel ? [String(c.active_channel)] : [];
}

function findOrCreateContact(ctx: OperationContext, req: RecipientRequest, identities: ChannelIdentity[]): Contact | undefined {
  for (const ci of identities) {
    const found = ctx.store.contactByIdentity(ci.channel, ci.identity, req.app.id);
    if (found) return found;
  }
  if (!req.createContact) return undefined;
  const body: Json = { channel_identities: identities.map((ci) => ({ channel: ci.channel, identity: ci.identity })), language: "UNSPECIFIED" };
  const contact = storeContact(ctx, body);
  contactCallback(ctx, "CONTACT_CREATE", { contact: copy(contact) });
  return contact;
}
