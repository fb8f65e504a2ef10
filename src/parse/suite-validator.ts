import { createHash } from "node:crypto";
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import type Ajv2020 from "ajv/dist/2020";

/** The suite schema as loaded by load/loadSuiteSchema (parse never reads disk). */
export type SuiteSchema = Record<string, unknown>;

/** A suite validator; `standalone` ones were generated at build time, so their errors hold schema copies. */
interface Registered {
  validate: ValidateFunction;
  standalone: boolean;
}

const registered = new WeakMap<SuiteSchema, Registered>();

// validateSchema off: checking the schema against the 2020-12 meta-schema doubled the start-up cost; the suite
// schema ships with the tool and schemas-meta.test.ts checks it; strict mode still applies
const OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, validateSchema: false } as const;

/** What a generated validator was made from: the schema, the options and ajv's version. */
export function suiteSchemaKey(schema: SuiteSchema): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require("ajv/package.json") as { version: string };
  return createHash("sha256").update(JSON.stringify({ ajv: version, options: OPTIONS })).update("\0").update(JSON.stringify(schema)).digest("hex");
}

function compile(schema: SuiteSchema, source: boolean): { ajv: Ajv2020; validate: ValidateFunction } {
  // loaded here, not at the top: a cached validator needs no compiler
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require("ajv/dist/2020") as { default: typeof Ajv2020 }).default;
  const ajv = new Ajv({ ...OPTIONS, code: { source } });
  return { ajv, validate: ajv.compile(schema) };
}

/**
 * Compile the suite schema now and return the validator's standalone source (`npm run build` writes it to
 * dist/, .ci/gen-validators.js); undefined when the schema does not compile (parseSuite reports that).
 */
export function compileSuiteValidator(schema: SuiteSchema): string | undefined {
  try {
    const { ajv, validate } = compile(schema, true);
    registered.set(schema, { validate, standalone: false });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const standaloneCode = (require("ajv/dist/standalone") as typeof import("ajv/dist/standalone")).default;
    return standaloneCode(ajv, validate);
  } catch {
    return undefined;
  }
}

/** A validator module generated at build time: ajv's standalone code plus the key of the schema it came from. */
type BuiltValidator = ValidateFunction & { schemaKey?: string };

/** Written by the build (missing when running from source): a path, not a module name, for tools that resolve imports. */
const BUILT_VALIDATOR = join(__dirname, "suite-validator.generated.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadBuiltValidator = (): unknown => require(BUILT_VALIDATOR);

/**
 * Use the validator generated at build time (dist/parse/suite-validator.generated.js) when it was made from this
 * very schema, so a run compiles nothing; false when there is none (running from source) or it is stale.
 */
export function useBuiltSuiteValidator(schema: SuiteSchema, load: () => unknown = loadBuiltValidator): boolean {
  try {
    const built = load() as BuiltValidator;
    if (typeof built !== "function" || built.schemaKey !== suiteSchemaKey(schema)) return false;
    registered.set(schema, { validate: built, standalone: true });
    return true;
  } catch {
    return false;
  }
}

/** The validator of a schema object, compiled on first use unless one was registered. */
export function suiteValidatorFor(schema: SuiteSchema): ValidateFunction {
  let entry = registered.get(schema);
  if (!entry) {
    entry = { validate: compile(schema, false).validate, standalone: false };
    registered.set(schema, entry);
  }
  return entry.validate;
}

/**
 * The last errors of the schema's validator. Errors of a standalone validator point at copies of the schema's
 * parts; `parts` (compared by identity in schema-errors) are put back in place of their copies.
 */
export function suiteValidatorErrors(schema: SuiteSchema, parts: unknown[]): ErrorObject[] {
  const entry = registered.get(schema);
  const errors = entry?.validate.errors ?? [];
  if (!entry?.standalone) return errors;
  const byText = new Map(parts.filter((p) => p !== undefined).map((p) => [JSON.stringify(p), p]));
  return errors.map((e) => {
    const original = e.parentSchema === undefined ? undefined : byText.get(JSON.stringify(e.parentSchema));
    return original === undefined ? e : { ...e, parentSchema: original as ErrorObject["parentSchema"] };
  });
}
