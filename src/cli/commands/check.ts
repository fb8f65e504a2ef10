import type { Config } from "../../config";
import { checkProject } from "../../project";
import { EXIT_CODE_OF, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";
import { loadProgress } from "../load-progress";

/** `check [SUITE...]`: everything a run would reject, without sending a request. */
export async function checkCommand(config: Config, io: CliIo): Promise<number> {
  const checked = await checkProject(config, loadProgress(io));
  if (checked.diagnostics.length > 0) io.err(renderDiagnostics(checked.diagnostics, { cwd: config.cwd, sources: checked.sources }));
  if (checked.status === "passed") {
    const { suites, steps, requests } = checked.counts;
    io.out(`ok: ${suites} suite(s), ${steps} step(s), ${requests} collection request(s) checked\n`);
  }
  return EXIT_CODE_OF[checked.status];
}
