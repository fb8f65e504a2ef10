import { wantsColor, type Config } from "../../config";
import type { ConsoleOutput } from "../../report";
import { runProject } from "../../project/run-project";
import { EXIT_CODE_OF, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";

/** `run [SUITE...]`: load, check (exit 2 before sending anything), run the plan, write the reports; no suite's result is kept once reported. */
export async function runCommand(config: Config, io: CliIo): Promise<number> {
  const outcome = await runProject({
    config, env: io.env, signal: io.signal, console: consoleOutput(config, io), keepResults: false,
    onDiagnostics: ({ diagnostics, sources }) => io.err(renderDiagnostics(diagnostics, { cwd: config.cwd, sources })),
  });
  return EXIT_CODE_OF[outcome.status];
}

/** Live progress only on a terminal outside CI; colors on a terminal, or as --no-color, NO_COLOR and FORCE_COLOR say. */
export function consoleOutput(config: Config, io: CliIo): ConsoleOutput {
  const ci = io.env.CI !== undefined && !["", "0", "false"].includes(io.env.CI.toLowerCase());
  const tty = io.stdoutTty && !ci;
  return { write: io.out, tty, color: wantsColor({ noColor: config.noColor, env: io.env, tty }), columns: io.columns };
}
