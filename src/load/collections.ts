import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { parseJsonWithPosition } from "./json-position";
import { readTextFile } from "./read-file";

/** A Postman collection file, parsed as JSON but not yet interpreted. */
export interface LoadedCollection {
  file: string;
  json: unknown;
}

/** What loadCollections found. */
export interface LoadedCollections {
  collections: LoadedCollection[];
  diagnostics: Diagnostic[];
}

const COLLECTION_FILE = /\.postman_collection\.json$/;

/** Read every *.postman_collection.json of `dir` (sorted). Bad JSON -> CC_COLLECTION_INVALID at its line:col. */
export function loadCollections(dir: string): LoadedCollections {
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => COLLECTION_FILE.test(name)).sort();
  } catch {
    return { collections: [], diagnostics: [makeDiagnostic("CC_FILE_NOT_FOUND", `no such directory: ${dir}`, { file: dir })] };
  }
  const collections: LoadedCollection[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const read = readTextFile(file);
    if (read.diagnostic) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const parsed = parseJsonWithPosition(read.text ?? "");
    if (parsed.ok) collections.push({ file, json: parsed.value });
    else {
      const at = { file, line: parsed.line, column: parsed.column };
      diagnostics.push(makeDiagnostic("CC_COLLECTION_INVALID", `invalid JSON: ${parsed.message}`, at));
    }
  }
  if (names.length === 0) {
    diagnostics.push(makeDiagnostic("CC_FILE_NOT_FOUND", `no *.postman_collection.json in ${dir}`, { file: dir }));
  }
  return { collections, diagnostics };
}
