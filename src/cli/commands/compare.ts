import type { Config } from "../../config";
import { compareProject } from "../../project/compare-runs";
import { EXIT_CODE_OF, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";
import { consoleOutput } from "../console-output";

/** `compare BASELINE CANDIDATE`: the regression gate; exit 1 on a regression, 2 when a file is not what it should be. */
export async function compareCommand(config: Config, io: CliIo): Promise<number> {
  const outcome = await compareProject({ config, env: io.env, console: consoleOutput(config, io) });
  if (outcome.diagnostics.length > 0) io.err(renderDiagnostics(outcome.diagnostics, { cwd: config.cwd, sources: outcome.sources }));
  return EXIT_CODE_OF[outcome.status];
}
