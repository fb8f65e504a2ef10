import type { Config } from "../../config";
import { makeDiagnostic } from "../../diagnostics";
import type { Diagnostic } from "../../model";
import type { EmulatorHandle } from "../../emulator";
import { EXIT, type CliIo } from "../io";
import { loadEmulator } from "../lazy-emulator";
import { renderDiagnostics } from "../print-diagnostics";

/** `emulator [--port N] [--json]`: serve the emulator until SIGINT / SIGTERM. */
export async function emulatorCommand(config: Config, io: CliIo): Promise<number> {
  const { startEmulator } = loadEmulator();
  let handle: EmulatorHandle;
  try {
    handle = await startEmulator({ port: config.port });
  } catch (e) {
    const diagnostics = startFailure(e, config.port);
    if (!diagnostics) throw e;
    io.err(renderDiagnostics(diagnostics, { cwd: config.cwd }));
    return EXIT.couldNotRun;
  }
  const { info } = handle;
  if (config.json) {
    io.out(JSON.stringify(info) + "\n");
  } else {
    const lines = [`Conversation API emulator (project ${info.projectId}, key ${info.clientId} / ${info.clientSecret})`];
    for (const [region, r] of Object.entries(info.regions)) {
      lines.push(`  ${region}: base ${r.baseUrl}  token ${r.authUrl}/oauth2/token  templates ${r.templateBaseUrl}`);
    }
    lines.push(`  admin: ${info.adminUrl}`, "Press Ctrl+C to stop.");
    io.out(lines.join("\n") + "\n");
  }
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await handle.close();
  return EXIT.ok;
}

/** Why the emulator could not start, as diagnostics (exit 3: the serving cannot happen); undefined for a bug. */
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
