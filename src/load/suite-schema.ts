import { join } from "node:path";
import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { parseJsonWithPosition } from "./json-position";
import { readTextFile } from "./read-file";

/** The suite format's JSON Schema, read from disk so that parse/ never touches the file system. */
export interface LoadedSuiteSchema {
  schema?: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

export const SUITE_SCHEMA_FILE = "suite.schema.json";

/** Read `<schemasDir>/suite.schema.json`. */
export function loadSuiteSchema(schemasDir: string): LoadedSuiteSchema {
  const file = join(schemasDir, SUITE_SCHEMA_FILE);
  const read = readTextFile(file);
  if (read.diagnostic) return { diagnostics: [read.diagnostic] };
  const parsed = parseJsonWithPosition(read.text ?? "");
  if (!parsed.ok) {
    const at = { file, line: parsed.line, column: parsed.column };
    return { diagnostics: [makeDiagnostic("CC_SCHEMA_INVALID", `invalid JSON: ${parsed.message}`, at)] };
  }
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { diagnostics: [makeDiagnostic("CC_SCHEMA_INVALID", "the suite schema must be a JSON object", { file })] };
  }
  return { schema: value as Record<string, unknown>, diagnostics: [] };
}
