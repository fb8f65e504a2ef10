import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { keyPosition } from "../load/json-position";
import type { LoadedOperationMap } from "../load/schemas";

/**
 * Every schema name operations.json uses (request and responses) must name a schema of the folder: an unknown one
 * would make every response of that operation fail at run time, as if the API had broken its contract.
 */
export function unknownOperationSchemas(ops: LoadedOperationMap, resolve: (name: string) => string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (id: string, keys: string[], name: string) => {
    const at = { file: ops.file, ...keyPosition(ops.text, ["operations", id, ...keys]) };
    out.push(makeDiagnostic("CC_UNKNOWN_SCHEMA", `operation "${id}" names schema "${name}", which is not in the schemas folder`, at));
  };
  for (const [id, entry] of Object.entries(ops.map.operations)) {
    if (entry.request !== undefined && resolve(entry.request) === undefined) report(id, ["request"], entry.request);
    for (const [status, name] of Object.entries(entry.responses)) {
      if (resolve(name) === undefined) report(id, ["responses", status], name);
    }
  }
  return out;
}
