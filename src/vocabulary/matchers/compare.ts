import { NUMBER_OR_VARIABLE } from "./argument-schemas";
import type { MatcherDefinition } from "./definition";

function numeric(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** A numeric comparison matcher; values that are not numbers (or numeric strings) never match. */
export function comparison(name: string, holds: (a: number, b: number) => boolean): MatcherDefinition {
  return {
    name,
    argument: NUMBER_OR_VARIABLE,
    test(actual, arg) {
      const a = numeric(actual);
      const b = numeric(arg);
      return a !== undefined && b !== undefined && holds(a, b);
    },
  };
}
