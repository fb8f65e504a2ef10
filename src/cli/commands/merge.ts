import type { Config } from "../../config";
import { mergeProject } from "../../project/merge-results";
import { EXIT_CODE_OF, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";
import { consoleOutput } from "../console-output";

/** `merge RESULTS...`: every shard's results.json into one results.json, junit.xml and report.html; --baseline gates the merged run. */
export async function mergeCommand(config: Config, io: CliIo): Promise<number> {
  const outcome = await mergeProject({ config, env: io.env, console: consoleOutput(config, io) });
  if (outcome.diagnostics.length > 0) io.err(renderDiagnostics(outcome.diagnostics, { cwd: config.cwd, sources: outcome.sources }));
  return EXIT_CODE_OF[outcome.status];
}
