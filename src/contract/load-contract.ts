import type { Diagnostic } from "../model";
import { loadOperationMap, loadSchemaFiles } from "../load/schemas";
import { createContract, type SchemaContract } from "./contract";
import { unknownOperationSchemas } from "./operation-schemas";
import { isPackageSchema } from "./schema-validator";

/** Options of loadContract. */
export interface LoadContractOptions {
  /**
   * compile every schema up front so broken $refs and patterns are reported now rather than at first use; the default
   * is to do so for a schemas folder other than the package's own (whose schemas a test compiles)
   */
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
  diagnostics.push(...unknownOperationSchemas(ops, (name) => contract.resolveSchemaName(name)));
  const foreign = loaded.schemas.some((s) => !isPackageSchema(s.file));
  if (options.eager ?? foreign) diagnostics.push(...contract.compileAll());
  return { contract, diagnostics };
}
