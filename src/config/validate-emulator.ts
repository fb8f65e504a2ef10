import type { Diagnostic } from "../model";
import type { OptionValues } from "./options";
import { badValue, type ValueOrigin } from "./origin";

type OriginOf = (key: keyof OptionValues) => ValueOrigin;

/** The longest token lifetime the emulator takes: a day, longer than any real token lives. */
const MAX_TOKEN_LIFETIME_S = 86_400;
/** The longest delivery step: a minute, so a run never waits forever on a delivery report. */
const MAX_DELIVERY_MS = 60_000;
/** A project id goes into every path: only URL-safe characters, so it never changes a route. */
const PATH_SAFE = /^[A-Za-z0-9._~-]+$/;

/** The emulator's identity and pace (`emulator --project-id ... --delivery-ms ...`); the secret is never echoed. */
export function checkEmulatorIdentity(v: OptionValues, originOf: OriginOf, out: Diagnostic[]): void {
  if (v.projectId !== undefined && !PATH_SAFE.test(v.projectId)) {
    const origin = originOf("projectId");
    out.push(badValue(origin, `${origin.typed(v.projectId)}: not a project id`, "letters, digits and . _ ~ - only (it is a path segment), e.g. my-project"));
  }
  if (v.clientId !== undefined && (v.clientId === "" || v.clientId.includes(":"))) {
    const origin = originOf("clientId");
    out.push(badValue(origin, `${origin.typed(v.clientId)}: not a key id`, "a non-empty id without ':' (Basic auth splits id and secret at the first ':')"));
  }
  if (v.clientSecret === "") {
    out.push(badValue(originOf("clientSecret"), `${originOf("clientSecret").name} is empty`, "give a non-empty secret, or leave the option out for the public default"));
  }
  inRange({ v, originOf, out }, { key: "tokenLifetime", min: 1, max: MAX_TOKEN_LIFETIME_S, unit: "seconds" });
  inRange({ v, originOf, out }, { key: "deliveryMs", min: 0, max: MAX_DELIVERY_MS, unit: "milliseconds" });
}

function inRange(
  check: { v: OptionValues; originOf: OriginOf; out: Diagnostic[] },
  range: { key: "tokenLifetime" | "deliveryMs"; min: number; max: number; unit: string },
): void {
  const value = check.v[range.key];
  if (value === undefined || (value >= range.min && value <= range.max)) return;
  const origin = check.originOf(range.key);
  check.out.push(badValue(origin, `${origin.typed(value)}: out of range`, `expected ${range.min} to ${range.max} ${range.unit}`));
}
