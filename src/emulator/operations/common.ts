import { badField, notFound } from "../errors";
import type { OperationContext } from "../operations/handler";
import { jsonCopy } from "../store/json-copy";
import type { App, Contact, Conversation, Json } from "../store/types";

/** The app of an id, or a 404. */
export function requireApp(ctx: OperationContext, id: unknown): App {
  const app = typeof id === "string" ? ctx.store.apps.get(id) : undefined;
  if (!app) throw notFound("App", String(id ?? ""));
  return app;
}

/** The contact of an id, or a 404. */
export function requireContact(ctx: OperationContext, id: unknown): Contact {
  const c = typeof id === "string" ? ctx.store.contacts.get(id) : undefined;
  if (!c) throw notFound("Contact", String(id ?? ""));
  return c;
}

/** The conversation of an id, or a 404. */
export function requireConversation(ctx: OperationContext, id: unknown): Conversation {
  const c = typeof id === "string" ? ctx.store.conversations.get(id) : undefined;
  if (!c) throw notFound("Conversation", String(id ?? ""));
  return c;
}

/** 400 when a string field is longer than the API allows. */
export function maxLength(body: Json, field: string, max: number): void {
  const v = body[field];
  if (typeof v === "string" && v.length > max) throw badField(field, `must be at most ${max} characters`);
}

/** 400 when a JSON-object field serializes longer than the API allows. */
export function maxJsonLength(body: Json, field: string, max: number): void {
  const v = body[field];
  if (v !== undefined && JSON.stringify(v).length > max) throw badField(field, `must serialize to at most ${max} characters`);
}

/** A shallow copy without undefined values. */
export function clean<T extends Json>(o: T): T {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** A deep copy so callers never hold references into the store (what a JSON round trip gives: stored values are plain JSON). */
export function copy<T>(o: T): T {
  return jsonCopy(o);
}
