import path from "node:path";
import { loadContract } from "../contract";
import type { Contract } from "../model";

/** schemas/ at the repo root: the same relative path from src/emulator (ts-jest), dist/emulator and .bench/emulator. */
export const SCHEMAS_DIR = path.resolve(__dirname, "../../schemas");

/** Load the contract from schemas/; without a readable schemas/ the emulator runs without schema validation. */
export function loadOwnContract(dir: string = SCHEMAS_DIR): Contract | undefined {
  try {
    return loadContract(dir).contract;
  } catch {
    return undefined;
  }
}
