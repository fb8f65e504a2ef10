import type { Config } from "../../config";
import { formatCoverage } from "../../check/coverage";
import { coverageOfProject } from "../../project";
import { EXIT_CODE_OF, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";
import { loadProgress } from "../load-progress";

/** `coverage [SUITE...]`: which operations and status codes the suites exercise. */
export async function coverageCommand(config: Config, io: CliIo): Promise<number> {
  const covered = await coverageOfProject(config, loadProgress(io));
  if (covered.diagnostics.length > 0) io.err(renderDiagnostics(covered.diagnostics, { cwd: config.cwd, sources: covered.sources }));
  if (covered.coverage) io.out(formatCoverage(covered.coverage));
  return EXIT_CODE_OF[covered.status];
}
