import { EntityMap } from "./entity-map";
import { sameIdentity } from "./identity";
import type { App, AuditRecord, Contact, Conversation, EventRecord, Json, MessageRecord, Template, TemplateV1, Webhook } from "./types";

/** Everything one project owns in one region. */
export class ProjectStore {
  readonly apps: EntityMap<App>;
  readonly contacts: EntityMap<Contact>;
  readonly conversations: EntityMap<Conversation>;
  readonly messages: EntityMap<MessageRecord>;
  readonly events: EntityMap<EventRecord>;
  readonly webhooks: EntityMap<Webhook>;
  readonly templates: EntityMap<Template>;
  /** the deprecated Templates v1: a store of their own, as the two APIs have different shapes */
  readonly templatesV1: EntityMap<TemplateV1>;
  /** app id -> list type -> identities opted out */
  readonly consents = new Map<string, Map<string, Set<string>>>();
  /** app id -> identity -> audit trail */
  readonly audit = new Map<string, Map<string, AuditRecord[]>>();
  settings: Json | undefined;

  /** `origin` names who is creating entities right now (the suite run of the request being served), if anyone */
  constructor(readonly projectId: string, origin: () => string | undefined = () => undefined) {
    this.apps = new EntityMap(origin);
    this.contacts = new EntityMap(origin);
    this.conversations = new EntityMap(origin);
    this.messages = new EntityMap(origin);
    this.events = new EntityMap(origin);
    this.webhooks = new EntityMap(origin);
    this.templates = new EntityMap(origin);
    this.templatesV1 = new EntityMap(origin);
  }

  /** Every entity with its kind (as counts() names it) and who created it. */
  entities(): Array<{ kind: string; id: string; createdBy?: string }> {
    const kinds: Array<[string, EntityMap<unknown>]> = [
      ["apps", this.apps], ["contacts", this.contacts], ["conversations", this.conversations], ["messages", this.messages],
      ["events", this.events], ["webhooks", this.webhooks], ["templates", this.templates],
      ["templates_v1", this.templatesV1],
    ];
    return kinds.flatMap(([kind, map]) => [...map.keys()].map((id) => {
      const createdBy = map.createdBy(id);
      return createdBy === undefined ? { kind, id } : { kind, id, createdBy };
    }));
  }

  /** Resource counts, for the admin state endpoint. */
  counts(): Record<string, number> {
    return {
      apps: this.apps.size,
      contacts: this.contacts.size,
      conversations: this.conversations.size,
      messages: this.messages.size,
      events: this.events.size,
      webhooks: this.webhooks.size,
      templates: this.templates.size,
      templates_v1: this.templatesV1.size,
    };
  }

  /** Webhooks of one app, in creation order. */
  webhooksOf(appId: string): Webhook[] {
    return [...this.webhooks.values()].filter((w) => w.app_id === appId);
  }

  /** The newest active conversation of an app with a contact. */
  activeConversation(appId: string, contactId: string): Conversation | undefined {
    let found: Conversation | undefined;
    for (const c of this.conversations.values()) {
      if (c.app_id === appId && c.contact_id === contactId && c.active) found = c;
    }
    return found;
  }

  /** The contact owning a channel identity, given with or without "+" (app-scoped identities match only their app). */
  contactByIdentity(channel: string, identity: string, appId?: string): Contact | undefined {
    for (const c of this.contacts.values()) {
      const hit = c.channel_identities.some(
        (ci) => ci.channel === channel && sameIdentity(channel, ci.identity, identity) && (!ci.app_id || !appId || ci.app_id === appId),
      );
      if (hit) return c;
    }
    return undefined;
  }

  /** Drop a conversation and what hangs off it. */
  deleteConversation(id: string): void {
    this.conversations.delete(id);
    for (const [mid, m] of this.messages) if (m.message.conversation_id === id) this.messages.delete(mid);
    for (const [eid, e] of this.events) if (e.event.conversation_id === id) this.events.delete(eid);
  }

  /** Drop an app with its webhooks, conversations, messages, events and consents. */
  deleteApp(id: string): void {
    this.apps.delete(id);
    for (const [wid, w] of this.webhooks) if (w.app_id === id) this.webhooks.delete(wid);
    for (const [cid, c] of this.conversations) if (c.app_id === id) this.deleteConversation(cid);
    for (const [mid, m] of this.messages) if (m.appId === id) this.messages.delete(mid);
    for (const [eid, e] of this.events) if (e.appId === id) this.events.delete(eid);
    this.consents.delete(id);
    this.audit.delete(id);
  }
}
