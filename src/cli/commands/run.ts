import type { Config } from "../../config";
import { runProject } from "../../project/run-project";
import { EXIT_CODE_OF, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";
import { consoleOutput } from "../console-output";

/** `run [SUITE...]`: load, check (exit 2 before sending anything), run the plan, write the reports; no suite's result is kept once reported. */
export async function runCommand(config: Config, io: CliIo): Promise<number> {
  const outcome = await runProject({
    config, env: io.env, signal: io.signal, console: consoleOutput(config, io), keepResults: false,
    onDiagnostics: ({ diagnostics, sources }) => io.err(renderDiagnostics(diagnostics, { cwd: config.cwd, sources })),
  });
  return EXIT_CODE_OF[outcome.status];
}
