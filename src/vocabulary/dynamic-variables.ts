import { randomInt, randomUUID } from "node:crypto";

const FIRST = ["Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis"];
const LAST = ["Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie"];
const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

const pick = (list: string[]): string => list[randomInt(list.length)]!;

/** Postman's dynamic variables ({{$guid}} ...), by name with the `$`: a fresh value each time one is rendered. */
export const DYNAMIC_VARIABLES: ReadonlyMap<string, () => string> = new Map([
  ["$guid", () => randomUUID()],
  ["$randomUUID", () => randomUUID()],
  ["$timestamp", () => String(Math.floor(Date.now() / 1000))],
  ["$isoTimestamp", () => new Date().toISOString()],
  ["$randomInt", () => String(randomInt(1001))],
  ["$randomBoolean", () => String(randomInt(2) === 1)],
  ["$randomAlphaNumeric", () => ALNUM[randomInt(ALNUM.length)]!],
  ["$randomFirstName", () => pick(FIRST)],
  ["$randomLastName", () => pick(LAST)],
  ["$randomFullName", () => `${pick(FIRST)} ${pick(LAST)}`],
  ["$randomEmail", () => `${pick(FIRST).toLowerCase()}.${randomInt(1e6)}@example.com`],
  ["$randomPhoneNumber", () => `+4670${String(randomInt(1e7)).padStart(7, "0")}`],
]);

/** Whether a name is written like a dynamic variable (`$...`), known or not. */
export function looksDynamic(name: string): boolean {
  return name.charCodeAt(0) === 36; /* $ */
}

/** Whether a name is a known dynamic variable. */
export function isDynamicVariable(name: string): boolean {
  return DYNAMIC_VARIABLES.has(name);
}

/** The value of a dynamic variable, or undefined when the name is not one. */
export function dynamicValue(name: string): string | undefined {
  return DYNAMIC_VARIABLES.get(name)?.();
}
