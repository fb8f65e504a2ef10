import { badField, notFound } from "../errors";
import { paginate } from "../paging";
import { bool, enumParam, one, pageSize, timeParam, type Query } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import { sameIdentity } from "../store/identity";
import type { Json, MessageRecord } from "../store/types";
import { copy, maxLength } from "./common";
import { emptyReply } from "./empty";

const SOURCES = ["CONVERSATION_SOURCE", "DISPATCH_SOURCE"] as const;
const VIEWS = ["WITH_METADATA", "WITHOUT_METADATA"] as const;
const DIRECTIONS = ["TO_APP", "TO_CONTACT"] as const;

/** The filters of a message listing (query or fetch-last-message body). */
interface MessageFilter {
  conversationId?: string;
  contactIds?: string[];
  appId?: string;
  identities?: string[];
  start?: number;
  end?: number;
  source?: string;
  channel?: string;
  direction?: string;
  onlyRecipientOriginated?: boolean;
}

function matches(r: MessageRecord, f: MessageFilter): boolean {
  return matchesParties(r, f) && matchesTraits(r, f);
}

/** Who the message is between: conversation, contact, app, channel identity. */
function matchesParties(r: MessageRecord, f: MessageFilter): boolean {
  const m = r.message;
  return (
    (f.conversationId === undefined || m.conversation_id === f.conversationId) &&
    (f.contactIds === undefined || f.contactIds.includes(m.contact_id)) &&
    (f.appId === undefined || r.appId === f.appId) &&
    (f.identities === undefined || f.identities.some((i) => sameIdentity(m.channel_identity.channel, m.channel_identity.identity, i)))
  );
}

/** When and how it was sent: time window, source, channel, direction. */
function matchesTraits(r: MessageRecord, f: MessageFilter): boolean {
  const m = r.message;
  return (
    (f.start === undefined || r.acceptedMs >= f.start) &&
    (f.end === undefined || r.acceptedMs <= f.end) &&
    // a source filter applies only when asked for explicitly, so GETs after a DISPATCH send still find it
    (f.source === undefined || r.source === f.source) &&
    (f.channel === undefined || m.channel_identity.channel === f.channel) &&
    (f.direction === undefined || m.direction === f.direction) &&
    (!f.onlyRecipientOriginated || m.direction === "TO_APP")
  );
}

function view(records: MessageRecord[], withoutMetadata: boolean): Json[] {
  return records.map((r) => {
    const m: Json = copy(r.message);
    if (withoutMetadata) delete m.metadata;
    return m;
  });
}

function listFilter(q: Query): MessageFilter {
  const source = enumParam(q, "messages_source", SOURCES);
  const onlyRecipientOriginated = bool(q, "only_recipient_originated", false);
  if (onlyRecipientOriginated && source !== "DISPATCH_SOURCE") {
    throw badField("only_recipient_originated", "only_recipient_originated needs messages_source=DISPATCH_SOURCE");
  }
  const contactId = one(q, "contact_id");
  const identity = one(q, "channel_identity");
  return {
    conversationId: one(q, "conversation_id"), contactIds: contactId === undefined ? undefined : [contactId],
    appId: one(q, "app_id"), identities: identity === undefined ? undefined : [identity],
    start: timeParam(q, "start_time"), end: timeParam(q, "end_time"), source,
    channel: one(q, "channel"), direction: enumParam(q, "direction", DIRECTIONS), onlyRecipientOriginated,
  };
}

function list(ctx: OperationContext): Json {
  const size = pageSize(ctx.query, 10, 1000);
  const f = listFilter(ctx.query);
  const withoutMetadata = enumParam(ctx.query, "view", VIEWS) === "WITHOUT_METADATA";
  const all = [...ctx.store.messages.values()].filter((r) => matches(r, f));
  const page = paginate(all, size, one(ctx.query, "page_token"));
  return { messages: view(page.items, withoutMetadata), next_page_token: page.nextPageToken };
}

/** The message of the path; with messages_source given, only a message from that source (as the list filters). */
function requireMessage(ctx: OperationContext): MessageRecord {
  const source = enumParam(ctx.query, "messages_source", SOURCES);
  const r = ctx.store.messages.get(ctx.params.message_id as string);
  if (!r || (source !== undefined && r.source !== source)) throw notFound("Message", ctx.params.message_id as string);
  return r;
}

/** Exactly one of channel_identities and contact_ids, non-empty. */
function recipientsOf(b: Json): Pick<MessageFilter, "identities" | "contactIds"> {
  const identities = (b.channel_identities as string[] | undefined)?.length ? (b.channel_identities as string[]) : undefined;
  const contactIds = (b.contact_ids as string[] | undefined)?.length ? (b.contact_ids as string[]) : undefined;
  if (identities && contactIds) throw badField("channel_identities", "give channel_identities or contact_ids, not both");
  if (!identities && !contactIds) throw badField("channel_identities", "channel_identities or contact_ids is required");
  return { identities, contactIds };
}

/** The filter of a fetch-last-message body; DISPATCH_SOURCE unless it says otherwise. */
function fetchLastFilter(b: Json): MessageFilter {
  return {
    ...recipientsOf(b),
    appId: b.app_id as string | undefined, source: (b.messages_source as string | undefined) ?? "DISPATCH_SOURCE",
    channel: b.channel as string | undefined, direction: b.direction as string | undefined,
    start: b.start_time ? Date.parse(String(b.start_time)) : undefined, end: b.end_time ? Date.parse(String(b.end_time)) : undefined,
  };
}

function fetchLast(ctx: OperationContext): Json {
  const b = ctx.body;
  const f = fetchLastFilter(b);
  const size = pageSize({ page_size: b.page_size === undefined ? undefined : String(b.page_size) }, 10, 1000);
  const last = new Map<string, MessageRecord>();
  for (const r of ctx.store.messages.values()) {
    if (!matches(r, f)) continue;
    const key = f.contactIds ? r.message.contact_id : r.message.channel_identity.identity;
    const prev = last.get(key);
    if (!prev || r.acceptedMs >= prev.acceptedMs) last.set(key, r);
  }
  const page = paginate([...last.values()], size, b.page_token as string | undefined);
  return { messages: view(page.items, b.view === "WITHOUT_METADATA"), next_page_token: page.nextPageToken };
}

function update(ctx: OperationContext): Json {
  const r = requireMessage(ctx);
  maxLength(ctx.body, "metadata", 1024);
  if (typeof ctx.body.metadata === "string") r.message.metadata = ctx.body.metadata;
  return r.message;
}

/** Messages: list, get, update metadata, delete, fetch-last-message. */
export const messageOperations: HandlerMap = {
  "Messages/List messages": list,
  "Messages/Get message": (ctx) => requireMessage(ctx).message,
  "Messages/Update message": update,
  "Messages/Delete message": (ctx) => {
    ctx.store.messages.delete(requireMessage(ctx).message.id);
    return emptyReply();
  },
  "Messages/Fetch last message": fetchLast,
};
