import type { startEmulator as StartEmulator } from "../emulator";

/** Loads the emulator (its routes and the whole contract) only when a command needs it, so runs against real targets start fast. */
export function loadEmulator(): { startEmulator: typeof StartEmulator } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../emulator") as { startEmulator: typeof StartEmulator };
}
