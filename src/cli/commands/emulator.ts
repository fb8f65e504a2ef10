import type { Config } from "../../config";
import { EXIT, type CliIo } from "../io";
import { loadEmulator } from "../lazy-emulator";

/** `emulator [--port N] [--json]`: serve the emulator until SIGINT / SIGTERM. */
export async function emulatorCommand(config: Config, io: CliIo): Promise<number> {
  const { startEmulator } = loadEmulator();
  const handle = await startEmulator({ port: config.port });
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
