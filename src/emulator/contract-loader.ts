import path from "node:path";
import { loadContract } from "../contract";
import { DiagnosticError, hasErrors, makeDiagnostic } from "../diagnostics";
import type { Contract } from "../model";

/** schemas/ at the repo root: the same relative path from src/emulator (ts-jest), dist/emulator and .bench/emulator. */
export const SCHEMAS_DIR = path.resolve(__dirname, "../../schemas");

/** Options of loadOwnContract. */
export interface OwnContractOptions {
  dir?: string;
  /** false only when the caller turned request validation off: then a broken schemas/ is tolerated */
  required?: boolean;
}

/**
 * Load the contract from schemas/. A schemas/ that cannot be loaded throws a DiagnosticError (the emulator would
 * otherwise accept any request body silently), unless `required: false`, which gives undefined instead.
 */
export function loadOwnContract(options: OwnContractOptions = {}): Contract | undefined {
  const dir = options.dir ?? SCHEMAS_DIR;
  let failure: DiagnosticError;
  try {
    const { contract, diagnostics } = loadContract(dir);
    if (!hasErrors(diagnostics)) return contract;
    failure = new DiagnosticError([
      makeDiagnostic("CC_SCHEMA_INVALID", `the emulator cannot load its contract from ${dir}, so it cannot validate requests`, undefined,
        "reinstall the package so schemas/ is complete, or start the emulator with validateRequests: false"),
      ...diagnostics.filter((d) => d.severity === "error"),
    ]);
  } catch (e) {
    failure = new DiagnosticError(makeDiagnostic("CC_SCHEMA_INVALID", `the emulator cannot load its contract from ${dir}: ${(e as Error).message}`));
  }
  if (options.required === false) return undefined;
  throw failure;
}
