import path from "node:path";
import { loadContract } from "../contract";
import { DiagnosticError, hasErrors, makeDiagnostic } from "../diagnostics";
import type { Contract } from "../model";

/** schemas/ at the repo root: the same relative path from src/emulator (ts-jest), dist/emulator and .bench/emulator. */
export const SCHEMAS_DIR = path.resolve(__dirname, "../../schemas");

/**
 * Load the contract from schemas/ (by default the package's own). The emulator serves its operation map and checks
 * requests with its schemas, so a schemas/ that cannot be loaded throws a DiagnosticError.
 */
export function loadOwnContract(dir: string = SCHEMAS_DIR): Contract {
  let failure: DiagnosticError;
  try {
    const { contract, diagnostics } = loadContract(dir);
    if (!hasErrors(diagnostics)) return contract;
    failure = new DiagnosticError([
      makeDiagnostic("CC_SCHEMA_INVALID", `the emulator cannot load its contract from ${dir}, so it cannot serve the API`, undefined,
        "reinstall the package so schemas/ is complete"),
      ...diagnostics.filter((d) => d.severity === "error"),
    ]);
  } catch (e) {
    failure = new DiagnosticError(makeDiagnostic("CC_SCHEMA_INVALID", `the emulator cannot load its contract from ${dir}: ${(e as Error).message}`));
  }
  throw failure;
}
