import type { Config } from "../../config";
import { hasErrors } from "../../diagnostics";
import { EXIT, type CliIo } from "../io";
import { renderDiagnostics } from "../print-diagnostics";
import { loadProject } from "../project";

/** `check [SUITE...]`: everything a run would reject, without sending a request. */
export async function checkCommand(config: Config, io: CliIo): Promise<number> {
  const project = loadProject(config);
  if (project.diagnostics.length > 0) io.err(renderDiagnostics(project.diagnostics, { cwd: config.cwd, sources: project.sources }));
  if (hasErrors(project.diagnostics) || !project.contract) return EXIT.invalid;
  const steps = project.suites.reduce((n, s) => n + s.setup.length + s.steps.length + s.teardown.length, 0);
  io.out(`ok: ${project.suites.length} suite(s), ${steps} step(s), ${project.requests.size} collection request(s) checked\n`);
  return EXIT.ok;
}
