import type { ValidateFunction } from "ajv";
import { LineCounter, parseDocument } from "yaml";
import type { Diagnostic, Suite } from "../model";
import { makeDiagnostic, sortDiagnostics } from "../diagnostics";
import { buildSuite } from "./build-suite";
import { schemaErrorsToDiagnostics } from "./schema-errors";
import { firstAliasOffset, forbiddenCharacter, malformedTemplates, unsupportedNodes } from "./suite-hazards";
import { suiteValidatorErrors, suiteValidatorFor, type SuiteSchema } from "./suite-validator";
import { posAt, type YamlSource } from "./yaml-source";

/** The outcome of parsing one suite file: a suite only when there is no error. */
export interface ParsedSuite {
  suite?: Suite;
  diagnostics: Diagnostic[];
}

export type { SuiteSchema } from "./suite-validator";

function defsOf(schema: SuiteSchema): Record<string, unknown> {
  const defs = schema["$defs"];
  return defs && typeof defs === "object" ? (defs as Record<string, unknown>) : {};
}

function yamlErrors(src: YamlSource): Diagnostic[] {
  return src.doc.errors.map((err) => {
    const first = err.message.split("\n")[0] ?? err.message;
    return makeDiagnostic("CC_YAML_SYNTAX", `${first} (${err.code})`, posAt(src, err.pos[0]));
  });
}

/**
 * Parse a suite's YAML text into the model. Every problem is a diagnostic pointing at the exact key or
 * value (file:line:column); the suite is returned only when there is none.
 */
export function parseSuite(text: string, file: string, suiteSchema: SuiteSchema): ParsedSuite {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const src: YamlSource = { file, doc, lineCounter };
  const forbidden = forbiddenCharacter(text, src);
  if (forbidden) return { diagnostics: [forbidden] };
  const syntax = yamlErrors(src);
  if (syntax.length > 0) return { diagnostics: syntax };
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
  let validate: ValidateFunction;
  try {
    if (typeof suiteSchema !== "object" || suiteSchema === null) throw new Error("no suite schema was given");
    validate = suiteValidatorFor(suiteSchema);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { diagnostics: [makeDiagnostic("CC_SCHEMA_INVALID", `the suite schema does not compile: ${message}`)] };
  }
  if (!validate(value)) {
    const defs = defsOf(suiteSchema);
    const parts = { matcher: defs["matcher"], jsonPath: defs["jsonPath"] };
    const errors = suiteValidatorErrors(suiteSchema, [parts.matcher, parts.jsonPath]);
    return { diagnostics: sortDiagnostics(schemaErrorsToDiagnostics({ src, parts }, errors)) };
  }
  return { suite: buildSuite(src, value as Record<string, unknown>), diagnostics: [] };
}
