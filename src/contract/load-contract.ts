import type { Diagnostic } from "../model";
import { loadOperationMap, loadSchemaFiles } from "../load/schemas";
import { createContract, type SchemaContract } from "./contract";

/** Options of loadContract. */
export interface LoadContractOptions {
  /** compile every schema up front so broken $refs are reported now rather than at first use */
  eager?: boolean;
}

/** Load schemas/ (every *.schema.json and operations.json) into a contract; problems come back as diagnostics. */
export function loadContract(
  schemasDir: string,
  options: LoadContractOptions = {},
): { contract: SchemaContract; diagnostics: Diagnostic[] } {
  const loaded = loadSchemaFiles(schemasDir);
  const ops = loadOperationMap(schemasDir);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...ops.diagnostics];
  const contract = createContract({ schemas: loaded.schemas, operations: ops.map }, diagnostics);
  if (options.eager) diagnostics.push(...contract.compileAll());
  return { contract, diagnostics };
}
