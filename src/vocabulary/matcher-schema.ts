import { MATCHERS, type JsonSchema } from "./matchers";

/** The suite schema's `$defs` that come from the matcher registry (`npm run gen:suite-schema` writes them). */
export function matcherSchemaDefs(): { matcherLike: JsonSchema; matcherObject: JsonSchema } {
  return {
    matcherLike: {
      description: "an object with a matcher key (generated from src/vocabulary/matchers.ts)",
      type: "object",
      anyOf: MATCHERS.map((m) => ({ required: [m.name] })),
    },
    matcherObject: {
      description: "exactly one matcher and its argument (generated from src/vocabulary/matchers.ts)",
      type: "object",
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      properties: Object.fromEntries(MATCHERS.map((m) => [m.name, m.argument])),
    },
  };
}

/** A suite schema with its matcher `$defs` replaced by the registry's; everything else is kept as it is. */
export function withMatcherDefs(schema: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const defs = (schema["$defs"] ?? {}) as Record<string, unknown>;
  return { ...schema, $defs: { ...defs, ...matcherSchemaDefs() } };
}
