import { randomInt, randomUUID } from "node:crypto";

const FIRST = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis"];
const LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie"];
const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

const pick = (list: string[]): string => list[randomInt(list.length)]!;

/** Postman dynamic variables ({{$guid}} ...): a fresh value each time one is rendered. */
export const DYNAMIC_VARIABLES: Record<string, () => string> = {
  $guid: () => randomUUID(),
  $randomUUID: () => randomUUID(),
  $timestamp: () => String(Math.floor(Date.now() / 1000)),
  $isoTimestamp: () => new Date().toISOString(),
  $randomInt: () => String(randomInt(1001)),
  $randomBoolean: () => String(randomInt(2) === 1),
  $randomAlphaNumeric: () => ALNUM[randomInt(ALNUM.length)]!,
  $randomFirstName: () => pick(FIRST),
  $randomLastName: () => pick(LAST),
  $randomFullName: () => `${pick(FIRST)} ${pick(LAST)}`,
  $randomEmail: () => `${pick(FIRST).toLowerCase()}.${randomInt(1e6)}@example.com`,
  $randomPhoneNumber: () => `+4670${String(randomInt(1e7)).padStart(7, "0")}`,
};

/** The value of a dynamic variable, or undefined when the name is not one. */
export function dynamicValue(name: string): string | undefined {
  const make = DYNAMIC_VARIABLES[name];
  return make ? make() : undefined;
}
