import type { ValidateFunction } from "ajv";
import { LineCounter, parseDocument } from "yaml";
import type { Diagnostic, Phase, Step, Suite, SuiteText } from "../model";
import { makeDiagnostic, sortDiagnostics } from "../diagnostics";
import { buildSuite } from "./build-suite";
import { schemaErrorsToDiagnostics } from "./schema-errors";
import { INPUT_LIMITS } from "../vocabulary/input-limits";
import { boundsProblems, flowTooDeep } from "./suite-bounds";
import { firstAliasOffset, forbiddenCharacter, malformedTemplates, unsupportedNodes } from "./suite-hazards";
import { suiteValidatorErrors, suiteValidatorFor, type SuiteSchema } from "./suite-validator";
import { posAt, textPosition, type YamlSource } from "./yaml-source";
import { streamSuite, YAML_OPTIONS } from "./suite-stream";
import { batchHandOff } from "./batch-validation";

const PHASES: readonly Phase[] = ["setup", "steps", "teardown"];

/** The outcome of parsing one suite file: a suite only when there is no error. */
export interface ParsedSuite {
  suite?: Suite;
  diagnostics: Diagnostic[];
  /** every step of the suite went to the sink given (its phases here are empty) */
  sunk?: true;
}

/** Where the steps of a suite that streams cleanly go, a batch at a time and in order within each phase, instead of into the suite. */
export type StepSink = (phase: Phase, steps: Step[]) => void;

export type { SuiteSchema } from "./suite-validator";

function defsOf(schema: SuiteSchema): Record<string, unknown> {
  const defs = schema["$defs"];
  return defs && typeof defs === "object" ? (defs as Record<string, unknown>) : {};
}

function yamlErrors(src: YamlSource): Diagnostic[] {
  return src.doc.errors.map((err) => {
    // the parser gives up on nesting deeper than its stack (block mappings inside one another, hundreds deep)
    if (err.code === "RESOURCE_EXHAUSTION") return makeDiagnostic("CC_INPUT_LIMIT", `nested more than ${INPUT_LIMITS.nesting} levels deep`, posAt(src, err.pos[0]));
    if (err.code === "KEY_OVER_1024_CHARS") return makeDiagnostic("CC_INPUT_LIMIT", `a key is longer than ${INPUT_LIMITS.key} characters`, posAt(src, err.pos[0]));
    const first = err.message.split("\n")[0] ?? err.message;
    return makeDiagnostic("CC_YAML_SYNTAX", `${first} (${err.code})`, posAt(src, err.pos[0]));
  });
}

/** What is wrong with the text before it is parsed: a character YAML forbids, or nesting past the limit. */
function inputProblem(text: string, file: string): Diagnostic | undefined {
  const forbidden = forbiddenCharacter(text, file);
  if (forbidden) return forbidden;
  const deep = flowTooDeep(text, INPUT_LIMITS.nesting);
  return deep === undefined ? undefined : makeDiagnostic("CC_INPUT_LIMIT", `nested more than ${INPUT_LIMITS.nesting} levels deep`, textPosition(text, file, deep));
}

/** The suite schema's validator, or the diagnostic of a schema that does not compile. */
function validatorOf(suiteSchema: SuiteSchema): ValidateFunction | Diagnostic {
  try {
    if (typeof suiteSchema !== "object" || suiteSchema === null) throw new Error("no suite schema was given");
    return suiteValidatorFor(suiteSchema);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return makeDiagnostic("CC_SCHEMA_INVALID", `the suite schema does not compile: ${message}`);
  }
}

/**
 * The suite built from the file's pieces (suite-stream), when it is clean and valid; else undefined. With a sink, its
 * steps go there (when the schema allows, a checked batch at a time as they stream in; memory then holds one batch).
 */
function parseStreamed(pieces: Iterable<string>, file: string, suiteSchema: SuiteSchema, sink?: StepSink): Suite | undefined {
  const validate = validatorOf(suiteSchema);
  if (typeof validate !== "function") return undefined;
  const handOff = sink && batchHandOff(suiteSchema, validate, sink);
  const streamed = streamSuite(pieces, file, new LineCounter(), handOff);
  if (!streamed || !validate(streamed.raw)) return undefined;
  const suite = buildSuite(streamed.src, streamed.raw, streamed);
  if (!sink) return suite;
  for (const phase of PHASES) {
    if (suite[phase].length > 0) sink(phase, suite[phase]);
    suite[phase] = [];
  }
  return suite;
}

/** The whole file as one YAML document, each problem a diagnostic at its exact place. */
export function parseWhole(text: string, file: string, suiteSchema: SuiteSchema): ParsedSuite {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...YAML_OPTIONS });
  const src: YamlSource = { file, doc, lineCounter };
  const syntax = yamlErrors(src);
  if (syntax.length > 0) return { diagnostics: syntax };
  const bounds = boundsProblems(src);
  if (bounds.length > 0) return { diagnostics: sortDiagnostics(bounds) };
  const hazards = [...unsupportedNodes(src, text), ...malformedTemplates(src, text)];
  if (hazards.length > 0) return { diagnostics: sortDiagnostics(hazards) };
  if (doc.contents === null) {
    return { diagnostics: [makeDiagnostic("CC_SUITE_FORMAT", "the suite file is empty", { file, line: 1, column: 1 })] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { diagnostics: [makeDiagnostic("CC_YAML_SYNTAX", message, posAt(src, firstAliasOffset(src)))] };
  }
  const validate = validatorOf(suiteSchema);
  if (typeof validate !== "function") return { diagnostics: [validate] };
  if (!validate(value)) {
    const defs = defsOf(suiteSchema);
    const parts = { matcher: defs["matcher"], jsonPath: defs["jsonPath"] };
    const errors = suiteValidatorErrors(suiteSchema, [parts.matcher, parts.jsonPath]);
    return { diagnostics: sortDiagnostics(schemaErrorsToDiagnostics({ src, parts }, errors)) };
  }
  return { suite: buildSuite(src, value as Record<string, unknown>), diagnostics: [] };
}

/**
 * Parse a suite's YAML text into the model. Every problem is a diagnostic pointing at the exact key or
 * value (file:line:column); the suite is returned only when there is none. A clean suite is built from its
 * pieces as they stream in (memory of one batch of steps' YAML nodes, whatever the file's size; of a large text, one
 * piece of it); a file with any problem is parsed again whole, so that every diagnostic is exactly that of the whole
 * document. With a sink, a suite that streams cleanly gives its steps to it (`sunk`); what it gave before a problem
 * showed is to be dropped.
 */
export function parseSuite(text: SuiteText, file: string, suiteSchema: SuiteSchema, sink?: StepSink): ParsedSuite {
  const suite = parseStreamed(typeof text === "string" ? [text] : text.pieces(), file, suiteSchema, sink);
  if (suite) return sink ? { suite, diagnostics: [], sunk: true } : { suite, diagnostics: [] };
  const whole = typeof text === "string" ? text : text.whole();
  const early = inputProblem(whole, file);
  return early ? { diagnostics: [early] } : parseWhole(whole, file, suiteSchema);
}
