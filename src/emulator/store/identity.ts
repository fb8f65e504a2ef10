import type { ChannelIdentity } from "./types";

/**
 * Channels whose identities are phone numbers. The real API stores them without a leading "+": the Node SDK's
 * e2e test creates a contact with "+12015555555" and reads back "12015555555", and callbacks show the same.
 */
const PHONE_CHANNELS: readonly string[] = ["SMS", "MMS", "WHATSAPP", "RCS"];

/** An identity as the API stores and returns it: phone numbers without a leading "+", others unchanged. */
export function storedIdentity(channel: string, identity: string): string {
  return PHONE_CHANNELS.includes(channel) && identity.startsWith("+") ? identity.slice(1) : identity;
}

/** The channel identities with their identities as the API stores them. */
export function storedIdentities<T extends ChannelIdentity>(identities: readonly T[]): T[] {
  return identities.map((ci) => ({ ...ci, identity: storedIdentity(ci.channel, ci.identity) }));
}

/** Whether an identity given in a lookup (with or without "+") names a stored identity of that channel. */
export function sameIdentity(channel: string, stored: string, given: string): boolean {
  return stored === storedIdentity(channel, given);
}
