import type { Config } from "../../config";
import type { EmulatorInfo } from "../../emulator";
import { emulatorParityReport, serveEmulator } from "../../project/serve-emulator";
import { EXIT, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";

/** `emulator [--port N] [--json]`: serve the emulator until SIGINT / SIGTERM; `--parity`: print its parity table instead. */
export async function emulatorCommand(config: Config, io: CliIo): Promise<number> {
  if (config.parity) {
    io.out(emulatorParityReport(config.json));
    return EXIT.ok;
  }
  const served = await serveEmulator(config.port);
  if (!served.handle) {
    io.err(renderDiagnostics(served.diagnostics, { cwd: config.cwd }));
    return EXIT.couldNotRun;
  }
  io.out(config.json ? JSON.stringify(served.handle.info) + "\n" : describe(served.handle.info));
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await served.handle.close();
  return EXIT.ok;
}

function describe(info: EmulatorInfo): string {
  const lines = [`Conversation API emulator (project ${info.projectId}, key ${info.clientId} / ${info.clientSecret})`];
  for (const [region, r] of Object.entries(info.regions)) {
    lines.push(`  ${region}: base ${r.baseUrl}  token ${r.authUrl}/oauth2/token  templates ${r.templateBaseUrl}`);
  }
  lines.push(`  admin: ${info.adminUrl}`, "Press Ctrl+C to stop.");
  return lines.join("\n") + "\n";
}
