import type { Diagnostic } from "../model";
import type { OptionSpec, OptionType } from "./options";
import { badValue, type ValueOrigin } from "./origin";

/** A value converted to its option's type. */
export type OptionValue = string | number | boolean | string[];

/** What a value of each type must look like, for messages. */
const EXPECTED_TEXT: Readonly<Record<OptionType, string>> = {
  string: "a text",
  int: "a whole number (0 or more)",
  number: "a number (0 or more)",
  boolean: "true or false",
  list: "a name or a comma-separated list",
  repeat: "a text",
  pairs: "KEY=VALUE",
};

const EXPECTED_JSON: Readonly<Record<OptionType, string>> = {
  string: "a string",
  int: "a whole number (0 or more)",
  number: "a number (0 or more)",
  boolean: "true or false",
  list: "a string or a list of strings",
  repeat: "a string or a list of strings",
  pairs: 'an object {"KEY": "value"} or a list of "KEY=VALUE" strings',
};

function parseBool(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(t)) return true;
  if (["0", "false", "no", "off"].includes(t)) return false;
  return undefined;
}

function splitList(texts: string[]): string[] {
  return texts.flatMap((t) => t.split(",")).map((s) => s.trim()).filter((s) => s !== "");
}

/**
 * Flag values (true for a boolean flag, else the texts in the order given) or an environment variable's text,
 * as the option's type; a repeated flag keeps its last value, list flags add up.
 */
export function convertText(spec: OptionSpec, raws: Array<string | boolean>, origin: ValueOrigin, out: Diagnostic[]): OptionValue | undefined {
  const texts = raws.map(String);
  const last = raws[raws.length - 1];
  let value: OptionValue | undefined;
  switch (spec.type) {
    case "boolean":
      value = typeof last === "boolean" ? last : parseBool(String(last));
      break;
    case "int":
    case "number":
      value = numberOf(String(last), spec.type === "int");
      break;
    case "list":
      value = splitList(texts);
      break;
    case "repeat":
    case "pairs":
      value = texts;
      break;
    default:
      value = String(last);
  }
  if (value === undefined) out.push(badValue(origin, `${origin.typed(last)} is not ${EXPECTED_TEXT[spec.type]}`, spec.valueName ? `expected ${spec.valueName}` : undefined));
  return value;
}

/** A text as a number of at least 0 (a whole one when `whole`), or undefined. */
function numberOf(text: string, whole: boolean): number | undefined {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(n) && n >= 0 && (!whole || Number.isInteger(n)) ? n : undefined;
}

const isString = (v: unknown): v is string => typeof v === "string";

/** A value of the config file (any JSON) as the option's type; JSON has types, so they are not guessed from text. */
export function convertJson(spec: OptionSpec, json: unknown, origin: ValueOrigin, out: Diagnostic[]): OptionValue | undefined {
  const blank = blankPart(json);
  if (blank !== undefined) {
    // an empty path, target or tag in a file is a slip, not a choice: left alone it would quietly mean the default
    const what = blank === "" ? origin.name : `${origin.name}: element ${blank}`;
    out.push(badValue(origin, `${what} is empty`, spec.valueName ? `expected ${spec.valueName}` : undefined, blank === "" ? undefined : blank));
    return undefined;
  }
  const value = fromJson(spec.type, json);
  if (value !== undefined) return value;
  out.push(badValue(origin, `${origin.typed(json)} is not ${EXPECTED_JSON[spec.type]}`, spec.valueName ? `expected ${spec.valueName}` : undefined, offendingPart(json)));
  return undefined;
}

/** "" when a string value is blank, the index of a blank string in a list, else undefined. */
function blankPart(json: unknown): "" | number | undefined {
  if (isString(json)) return json.trim() === "" ? "" : undefined;
  if (!Array.isArray(json)) return undefined;
  const index = json.findIndex((e) => isString(e) && e.trim() === "");
  return index >= 0 ? index : undefined;
}

/** The element of a list, or the member of an object, that is not a plain value; undefined when the whole value is wrong. */
function offendingPart(json: unknown): number | string | undefined {
  if (Array.isArray(json)) {
    const index = json.findIndex((e) => !isString(e));
    return index >= 0 ? index : undefined;
  }
  if (typeof json !== "object" || json === null) return undefined;
  return Object.entries(json).find(([, v]) => typeof v === "object" && v !== null)?.[0];
}

const stringList = (json: unknown): json is string[] => Array.isArray(json) && json.every(isString);

/** Each type's reading of a JSON value; undefined when the value is not of that type. */
const FROM_JSON: Readonly<Record<OptionType, (json: unknown) => OptionValue | undefined>> = {
  string: (json) => (isString(json) ? json : undefined),
  int: (json) => (typeof json === "number" && Number.isInteger(json) && json >= 0 ? json : undefined),
  number: (json) => (typeof json === "number" && Number.isFinite(json) && json >= 0 ? json : undefined),
  boolean: (json) => (typeof json === "boolean" ? json : undefined),
  list: (json) => (isString(json) ? splitList([json]) : stringList(json) ? splitList(json) : undefined),
  repeat: (json) => (isString(json) ? [json] : stringList(json) ? json : undefined),
  pairs: (json) => pairsFromJson(json),
};

function fromJson(type: OptionType, json: unknown): OptionValue | undefined {
  return FROM_JSON[type](json);
}

function pairsFromJson(json: unknown): string[] | undefined {
  if (Array.isArray(json)) return stringList(json) ? json : undefined;
  if (typeof json !== "object" || json === null) return undefined;
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (!["string", "number", "boolean"].includes(typeof value)) return undefined;
    pairs.push(`${key}=${String(value)}`);
  }
  return pairs;
}
