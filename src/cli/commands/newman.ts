import type { Config } from "../../config";
import { newmanProject } from "../../project/newman/run-newman";
import { EXIT_CODE_OF, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";
import { consoleOutput } from "../console-output";

/** `newman`: the collection through the newman library against the target, every response checked against the contract. */
export async function newmanCommand(config: Config, io: CliIo): Promise<number> {
  const outcome = await newmanProject({ config, env: io.env, signal: io.signal, console: consoleOutput(config, io) });
  if (outcome.diagnostics.length > 0) io.err(renderDiagnostics(outcome.diagnostics, { cwd: config.cwd }));
  return EXIT_CODE_OF[outcome.status];
}
