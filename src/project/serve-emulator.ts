import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";
import type { EmulatorHandle } from "../emulator";
import { parityReport } from "../emulator/parity";
import { loadEmulator } from "./lazy-emulator";

/** The emulator serving on its own, or the diagnostics that say why it could not start (the serving cannot happen). */
export type ServedEmulator = { handle: EmulatorHandle; diagnostics: [] } | { handle?: undefined; diagnostics: Diagnostic[] };

/** Starts the emulator on 127.0.0.1:port (0 = a free port) for the `emulator` command; a bug still throws. */
export async function serveEmulator(port: number): Promise<ServedEmulator> {
  const { startEmulator } = loadEmulator();
  try {
    return { handle: await startEmulator({ port }), diagnostics: [] };
  } catch (e) {
    const diagnostics = startFailure(e, port);
    if (!diagnostics) throw e;
    return { diagnostics };
  }
}

function startFailure(e: unknown, port: number): Diagnostic[] | undefined {
  const carried = (e as { diagnostics?: Diagnostic[] } | undefined)?.diagnostics;
  if (Array.isArray(carried) && carried.length > 0) return carried;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE") return [makeDiagnostic("CC_PORT_IN_USE", `port ${port} on 127.0.0.1 is already in use`)];
  if (code === "EACCES" || code === "EPERM") {
    return [makeDiagnostic("CC_PORT_IN_USE", `port ${port} on 127.0.0.1 may not be used by this user (${code})`, undefined, "ports below 1024 need privileges; pick another --port, or 0 for a free one")];
  }
  return undefined;
}

/** `emulator --parity`: the parity table per operation and what the emulator does not emulate, as text or JSON. */
export function emulatorParityReport(json: boolean): string {
  return parityReport(json);
}
