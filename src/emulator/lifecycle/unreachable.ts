/**
 * The emulator's documented rule for recipients that cannot be reached: an identity whose last four
 * characters are "0000" (e.g. "+15550000000", "46700000000"). Sends to it end FAILED with RECIPIENT_NOT_REACHABLE.
 */
export function isUnreachable(identity: string): boolean {
  return identity.endsWith("0000");
}
