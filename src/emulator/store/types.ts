/** A JSON object as the API sends it. */
export type Json = Record<string, unknown>;

/** A channel identity as stored on contacts and messages. */
export interface ChannelIdentity {
  channel: string;
  identity: string;
  app_id?: string;
}

/** An App resource (extra fields kept as sent). */
export interface App extends Json {
  id: string;
  display_name: string;
  processing_mode: string;
  channel_credentials: Json[];
}

/** A Contact resource. */
export interface Contact extends Json {
  id: string;
  channel_identities: ChannelIdentity[];
  channel_priority: string[];
  display_name: string;
  email: string;
  external_id: string;
  metadata: string;
  language: string;
}

/** A Conversation resource. */
export interface Conversation extends Json {
  id: string;
  app_id: string;
  contact_id: string;
  active: boolean;
  metadata: string;
  metadata_json: Json;
  correlation_id: string;
}

/** Where a stored message can be listed from. */
export type MessageSource = "CONVERSATION_SOURCE" | "DISPATCH_SOURCE";

/** A stored ConversationMessage plus what only the emulator needs. */
export interface MessageRecord {
  message: Json & { id: string; conversation_id: string; contact_id: string; channel_identity: ChannelIdentity };
  appId: string;
  source: MessageSource;
  acceptedMs: number;
}

/** A stored ConversationEvent plus its app. */
export interface EventRecord {
  event: Json & { id: string; conversation_id: string; contact_id: string };
  appId: string;
}

/** A Webhook resource. */
export interface Webhook extends Json {
  id: string;
  app_id: string;
  target: string;
  triggers: string[];
  secret?: string;
}

/** A Templates v2 resource. */
export interface Template extends Json {
  id: string;
  version: number;
  translations: Json[];
}

/** A Templates v1 resource (deprecated API): translations carry `content`, the template has no version. */
export interface TemplateV1 extends Json {
  id: string;
  default_translation: string;
  translations: Json[];
}

/** One audit record of the consents API. */
export interface AuditRecord extends Json {
  origin: string;
  operation: string;
  list_type: string;
  project_id: string;
  app_id: string;
  datetime: string;
}
