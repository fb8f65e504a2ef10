import { createHash } from "node:crypto";
import { join } from "node:path";
import type { ValidateFunction } from "ajv";
import type Ajv2020 from "ajv/dist/2020";
import { MATCHERS, type ArgumentProblem, type MatcherDefinition } from "../vocabulary/matchers";

/** A matcher argument its schema rejects (CC_BAD_MATCHER), or one the schema cannot judge (CC_BAD_REGEX). */
export type MatcherArgumentProblem = ArgumentProblem | { code: "CC_BAD_MATCHER"; message: string };

// no meta-schema: the argument schemas are ours and tested, and compiling the meta-schema cost ~100 ms per check
const OPTIONS = { strict: true, allowUnionTypes: true, validateSchema: false, meta: false } as const;

let ajv: Ajv2020 | undefined;
const validators = new Map<MatcherDefinition, ValidateFunction>();

function createAjv(source: boolean): Ajv2020 {
  // loaded here, not at the top: with the validators generated at build time a run needs no compiler
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require("ajv/dist/2020") as { default: typeof Ajv2020 }).default;
  return new Ajv({ ...OPTIONS, code: { source } });
}

/** What generated validators were made from: every matcher's name and argument schema, the options and ajv's version. */
export function matcherArgumentsKey(matchers: readonly MatcherDefinition[] = MATCHERS): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require("ajv/package.json") as { version: string };
  const content = JSON.stringify({ ajv: version, options: OPTIONS, arguments: matchers.map((m) => [m.name, m.argument]) });
  return createHash("sha256").update(content).digest("hex");
}

/** Standalone code exporting each matcher's argument validator under its name (`npm run build`, .ci/gen-validators.js). */
export function compileMatcherArgumentValidators(matchers: readonly MatcherDefinition[] = MATCHERS): string {
  const generator = createAjv(true);
  for (const m of matchers) generator.addSchema(m.argument, m.name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const standaloneCode = (require("ajv/dist/standalone") as typeof import("ajv/dist/standalone")).default;
  return standaloneCode(generator, Object.fromEntries(matchers.map((m) => [m.name, m.name])));
}

/** Validators generated at build time, by matcher name, with the key of the argument schemas they came from. */
type BuiltValidators = Record<string, ValidateFunction> & { schemaKey?: string };

/** Written by the build (missing when running from source): a path, not a module name, for tools that resolve imports. */
const BUILT_VALIDATORS = join(__dirname, "matcher-arguments.generated.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadBuiltValidators = (): unknown => require(BUILT_VALIDATORS);

/**
 * Use the validators generated at build time when they were made from exactly the registry's argument schemas, so
 * none is compiled; false when there are none (running from source) or they differ. Run once, at the first check.
 */
export function useBuiltMatcherValidators(load: () => unknown = loadBuiltValidators, matchers: readonly MatcherDefinition[] = MATCHERS): boolean {
  try {
    const built = load() as BuiltValidators;
    if (built.schemaKey !== matcherArgumentsKey(matchers)) return false;
    for (const m of matchers) if (typeof built[m.name] === "function") validators.set(m, built[m.name]!);
    return true;
  } catch {
    return false;
  }
}

let triedBuilt = false;

/** The matcher's argument schema: generated at build time, else compiled on first use (most runs use a few matchers). */
function validatorOf(matcher: MatcherDefinition): ValidateFunction {
  if (!triedBuilt) triedBuilt = useBuiltMatcherValidators();
  let validate = validators.get(matcher);
  if (!validate) {
    ajv ??= createAjv(false);
    validate = ajv.compile(matcher.argument);
    validators.set(matcher, validate);
  }
  return validate;
}

/**
 * What is wrong with a matcher's argument: first its argument schema (the one the suite schema is generated
 * from), then what the schema cannot say (a regex that does not compile); undefined when it is fine.
 */
export function matcherArgumentProblem(matcher: MatcherDefinition, arg: unknown): MatcherArgumentProblem | undefined {
  if (!validatorOf(matcher)(arg)) {
    return { code: "CC_BAD_MATCHER", message: `invalid matcher: ${matcher.name} takes ${matcher.argument.description}` };
  }
  return typeof arg === "string" ? matcher.argumentProblem?.(arg) : undefined;
}
