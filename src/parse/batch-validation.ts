import type { ValidateFunction } from "ajv";
import type { Phase, Step } from "../model";
import type { StepHandOff } from "./suite-stream";
import type { SuiteSchema } from "./suite-validator";

/** The keywords a suite schema may use at its top level for its phases' steps to be checkable a batch at a time. */
const TOP_KEYWORDS = new Set(["$schema", "$id", "title", "description", "type", "additionalProperties", "required", "properties", "$defs"]);
const PHASE_KEYWORDS = new Set(["type", "items", "minItems", "description"]);
const PHASES: readonly Phase[] = ["setup", "steps", "teardown"];
/** A step every suite schema of this shape takes, to stand for the `steps` a suite needs while another phase is checked. */
const PROBE_STEP = { name: "probe", request: "probe" };

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Whether the schema checks each step of a phase on its own: the phase is a list whose items are one referenced
 * definition, with at most "not empty" said of the list, and nothing at the top level relates keys to each other. Then
 * a suite is valid when its top level (each phase's last step left in it) is, and every batch of its steps is.
 */
function stepsCheckedOneByOne(schema: SuiteSchema): boolean {
  if (!Object.keys(schema).every((key) => TOP_KEYWORDS.has(key))) return false;
  const properties = record(schema["properties"]);
  return PHASES.every((phase) => {
    const list = record(properties?.[phase]);
    const items = record(list?.["items"]);
    return list !== undefined && items !== undefined && Object.keys(list).every((key) => PHASE_KEYWORDS.has(key)) && list["type"] === "array" &&
      (list["minItems"] === undefined || list["minItems"] === 1) && Object.keys(items).length === 1 && typeof items["$ref"] === "string";
  });
}

/** Hands streamed steps to `take` after checking each batch with the suite's validator; undefined when the schema's shape does not allow that. */
export function batchHandOff(schema: SuiteSchema, validate: ValidateFunction, take: (phase: Phase, steps: Step[]) => void): StepHandOff | undefined {
  if (!stepsCheckedOneByOne(schema) || !validate({ name: "probe", steps: [PROBE_STEP] })) return undefined;
  return {
    valid: (phase, values) => (validate(phase === "steps" ? { name: "probe", steps: values } : { name: "probe", steps: [PROBE_STEP], [phase]: values }) as boolean),
    take,
  };
}
