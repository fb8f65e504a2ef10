import Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv";
import type { ArgumentProblem, MatcherDefinition } from "../vocabulary/matchers";

/** A matcher argument its schema rejects (CC_BAD_MATCHER), or one the schema cannot judge (CC_BAD_REGEX). */
export type MatcherArgumentProblem = ArgumentProblem | { code: "CC_BAD_MATCHER"; message: string };

let ajv: Ajv2020 | undefined;
const validators = new Map<MatcherDefinition, ValidateFunction>();

/** The matcher's argument schema, compiled on first use (most runs use a few matchers). */
function validatorOf(matcher: MatcherDefinition): ValidateFunction {
  let validate = validators.get(matcher);
  if (!validate) {
    // no meta-schema: the argument schemas are ours and tested, and compiling the meta-schema cost ~100 ms per check
    ajv ??= new Ajv2020({ strict: true, allowUnionTypes: true, validateSchema: false, meta: false });
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
