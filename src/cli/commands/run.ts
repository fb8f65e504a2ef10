import type { Config } from "../../config";
import type { ConsoleOutput } from "../../report";
import { runWithBaseline } from "../../project/run-with-baseline";
import { EXIT_CODE_OF, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";

/** `run [SUITE...]`: load, check (exit 2 before sending anything), run the plan, write the reports; with --baseline, gate. */
export async function runCommand(config: Config, io: CliIo): Promise<number> {
  const outcome = await runWithBaseline({
    config, env: io.env, signal: io.signal, console: consoleOutput(config, io),
    onDiagnostics: ({ diagnostics, sources }) => io.err(renderDiagnostics(diagnostics, { cwd: config.cwd, sources })),
  });
  return EXIT_CODE_OF[outcome.status];
}

/** Live progress only on a terminal outside CI; colors unless --no-color. */
export function consoleOutput(config: Config, io: CliIo): ConsoleOutput {
  const ci = io.env.CI !== undefined && !["", "0", "false"].includes(io.env.CI.toLowerCase());
  const tty = io.stdoutTty && !ci;
  return { write: io.out, tty, color: tty && !config.noColor, columns: io.columns };
}
