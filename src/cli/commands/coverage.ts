import type { Config } from "../../config";
import { hasErrors } from "../../diagnostics";
import { computeCoverage, formatCoverage } from "../../check/coverage";
import { EXIT, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";
import { loadProject } from "../project";

/** `coverage [SUITE...]`: which operations and status codes the suites exercise. */
export async function coverageCommand(config: Config, io: CliIo): Promise<number> {
  const project = loadProject(config);
  if (project.diagnostics.length > 0) io.err(renderDiagnostics(project.diagnostics, { cwd: config.cwd, sources: project.sources }));
  if (hasErrors(project.diagnostics) || !project.contract) return EXIT.invalid;
  io.out(formatCoverage(computeCoverage(project.suites, project.requests, project.contract)));
  return EXIT.ok;
}
