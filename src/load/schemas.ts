import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { HTTP_METHODS, isHttpMethod } from "../vocabulary/http-methods";
import { keyPosition, parseJsonWithPosition } from "./json-position";
import { readTextFile } from "./read-file";

/** One schema file: where it is, its $id and its parsed JSON. */
export interface LoadedSchema {
  file: string;
  id: string;
  schema: Record<string, unknown>;
  /** the file's text, to point a problem found later (a $ref to nothing) at its line */
  text?: string;
}

/** What loadSchemaFiles found; bad files become diagnostics, never throws. */
export interface LoadedSchemas {
  schemas: LoadedSchema[];
  diagnostics: Diagnostic[];
}

/** One entry of schemas/operations.json. */
export interface OperationEntry {
  method: string;
  host: "conversation" | "template" | "auth";
  path: string;
  request?: string;
  responses: Record<string, string>;
}

/** The parsed operation map; `operations` is empty when the file is absent. */
export interface OperationMapFile {
  operations: Record<string, OperationEntry>;
}

/** What loadOperationMap found. */
export interface LoadedOperationMap {
  map: OperationMapFile;
  diagnostics: Diagnostic[];
  /** where the map was read from, and its text (empty when it could not be read), for positions */
  file: string;
  text: string;
}

const SCHEMA_FILE = /\.schema\.json$/;
const HOSTS = new Set(["conversation", "template", "auth"]);

function listSchemaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSchemaFiles(full));
    else if (SCHEMA_FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function checkSchema(file: string, id: string, text: string, value: unknown): Diagnostic | LoadedSchema {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return makeDiagnostic("CC_SCHEMA_INVALID", `${id}: a schema file must hold a JSON object`, { file, line: 1, column: 1 });
  }
  const schema = value as Record<string, unknown>;
  if (schema.$id !== id) {
    const where = schema.$id === undefined ? { line: 1, column: 1 } : keyPosition(text, ["$id"]);
    const found = schema.$id === undefined ? "no $id" : `$id ${JSON.stringify(schema.$id)}`;
    return makeDiagnostic("CC_SCHEMA_INVALID", `${found}; it must be "${id}" (the path relative to the schemas folder)`, {
      file,
      ...where,
    });
  }
  return { file, id, schema, text };
}

/** Read every *.schema.json under `dir` (recursively, sorted); $id must equal the path relative to `dir`. */
export function loadSchemaFiles(dir: string): LoadedSchemas {
  const schemas: LoadedSchema[] = [];
  const diagnostics: Diagnostic[] = [];
  let files: string[];
  try {
    files = listSchemaFiles(dir);
  } catch {
    return { schemas, diagnostics: [makeDiagnostic("CC_FILE_NOT_FOUND", `no such directory: ${dir}`, { file: dir })] };
  }
  for (const file of files) {
    const read = readTextFile(file);
    if (read.diagnostic) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const text = read.text ?? "";
    const parsed = parseJsonWithPosition(text);
    if (!parsed.ok) {
      const at = { file, line: parsed.line, column: parsed.column };
      diagnostics.push(makeDiagnostic("CC_SCHEMA_INVALID", `not valid JSON: ${parsed.message}`, at));
      continue;
    }
    const id = relative(dir, file).split(sep).join("/");
    const result = checkSchema(file, id, text, parsed.value);
    if ("code" in result) diagnostics.push(result);
    else schemas.push(result);
  }
  return { schemas, diagnostics };
}

function entryProblem(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== "object") return "must be an object";
  const e = entry as Record<string, unknown>;
  if (typeof e.method !== "string" || e.method === "") return "needs a method";
  if (!isHttpMethod(e.method)) return `method ${JSON.stringify(e.method)} is not one of ${HTTP_METHODS.join(", ")}`;
  if (typeof e.path !== "string" || !e.path.startsWith("/")) return "needs a path starting with /";
  if (typeof e.host !== "string" || !HOSTS.has(e.host)) return "host must be conversation, template or auth";
  if (e.request !== undefined && typeof e.request !== "string") return "request must be a schema name";
  if (e.responses === null || typeof e.responses !== "object") return "needs responses {status: schema}";
  const bad = Object.entries(e.responses as object).find(([, v]) => typeof v !== "string");
  return bad ? `response "${bad[0]}" must name a schema` : undefined;
}

/** Read `dir`/operations.json; a missing or bad file, or a bad entry, is a CC_OPERATIONS_INVALID. */
export function loadOperationMap(dir: string): LoadedOperationMap {
  const file = join(dir, "operations.json");
  const empty = (diagnostic: Diagnostic, text = ""): LoadedOperationMap => ({ map: { operations: {} }, diagnostics: [diagnostic], file, text });
  const read = readTextFile(file);
  if (read.diagnostic) {
    if (read.diagnostic.code !== "CC_FILE_NOT_FOUND") return empty(read.diagnostic);
    // without the map no response has a schema, and every step would fail as if the API had broken its contract
    return empty(makeDiagnostic("CC_OPERATIONS_INVALID", `no operations.json in ${dir}`, { file }, "a schemas folder needs operations.json, mapping each collection request to {status: schema}"));
  }
  const text = read.text ?? "";
  const parsed = parseJsonWithPosition(text);
  if (!parsed.ok) {
    const at = { file, line: parsed.line, column: parsed.column };
    return empty(makeDiagnostic("CC_OPERATIONS_INVALID", `not valid JSON: ${parsed.message}`, at), text);
  }
  const ops = (parsed.value as { operations?: unknown } | null)?.operations;
  if (ops === null || typeof ops !== "object" || Array.isArray(ops)) {
    return empty(makeDiagnostic("CC_OPERATIONS_INVALID", `expected {"operations": {...}}`, { file, line: 1, column: 1 }), text);
  }
  const diagnostics: Diagnostic[] = [];
  const operations: Record<string, OperationEntry> = {};
  for (const [id, entry] of Object.entries(ops as Record<string, unknown>)) {
    const problem = entryProblem(entry);
    if (problem) {
      const at = { file, ...keyPosition(text, ["operations", id]) };
      diagnostics.push(makeDiagnostic("CC_OPERATIONS_INVALID", `operation "${id}" ${problem}`, at));
    } else operations[id] = entry as OperationEntry;
  }
  return { map: { operations }, diagnostics, file, text };
}
