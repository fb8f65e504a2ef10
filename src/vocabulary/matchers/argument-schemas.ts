import type { JsonSchema } from "./definition";

/** A string that holds at least one {{VARIABLE}}: its value is only known when the step runs. */
export const VARIABLE_TEXT = "\\{\\{[^{}]+\\}\\}";

/** A number, or a string holding a {{VARIABLE}} (the argument of gt, gte, lt, lte). */
export const NUMBER_OR_VARIABLE: JsonSchema & { description: string } = {
  type: ["number", "string"],
  pattern: VARIABLE_TEXT,
  description: "a number, or a {{VARIABLE}}",
};

/** Any JSON value. */
export const ANY_VALUE = (description: string): JsonSchema & { description: string } => ({ description });
