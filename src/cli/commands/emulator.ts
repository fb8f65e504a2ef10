import type { Config } from "../../config";
import { REDACTED } from "../../diagnostics";
import type { EmulatorInfo } from "../../emulator";
import { emulatorParityReport, serveEmulator } from "../../project/serve-emulator";
import { EXIT, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";

/** `emulator [--port N] [--json] [--project-id ID] ...`: serve the emulator until SIGINT / SIGTERM; `--parity`: print its parity table instead. */
export async function emulatorCommand(config: Config, io: CliIo): Promise<number> {
  if (config.parity) {
    io.out(emulatorParityReport(config.json));
    return EXIT.ok;
  }
  const served = await serveEmulator({
    port: config.port, projectId: config.projectId, clientId: config.clientId, clientSecret: config.clientSecret,
    tokenLifetimeSec: config.tokenLifetime, deliveryStepMs: config.deliveryMs,
  });
  if (!served.handle) {
    io.err(renderDiagnostics(served.diagnostics, { cwd: config.cwd }));
    return EXIT.couldNotRun;
  }
  // the client secret is never printed, not even the public default: whoever needs it gave it or reads the README
  const shown: EmulatorInfo = { ...served.handle.info, clientSecret: REDACTED };
  io.out(config.json ? JSON.stringify(shown) + "\n" : describe(shown));
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await served.handle.close();
  return EXIT.ok;
}

function describe(info: EmulatorInfo): string {
  const lines = [
    `Conversation API emulator (project ${info.projectId}, key id ${info.clientId}, secret ${info.clientSecret}; ` +
      `tokens live ${info.tokenLifetimeSec} s, delivery steps ${info.deliveryStepMs} ms)`,
  ];
  for (const [region, r] of Object.entries(info.regions)) {
    lines.push(`  ${region}: base ${r.baseUrl}  token ${r.authUrl}/oauth2/token  templates ${r.templateBaseUrl}`);
  }
  lines.push(`  global token endpoint: ${info.globalAuthUrl}/oauth2/token`, `  admin: ${info.adminUrl}`, "Press Ctrl+C to stop.");
  return lines.join("\n") + "\n";
}
