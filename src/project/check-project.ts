import type { Diagnostic } from "../model";
import type { Config } from "../config";
import { hasErrors } from "../diagnostics";
import { computeCoverage, type CoverageReport } from "../check/coverage";
import { checkAcceptFile } from "../gate";
import { acceptFileOf } from "./gate-settings";
import { loadProject, type LoadHooks } from "./load-project";
import { withShownPaths } from "./shown-paths";
import { stepCount } from "../vocabulary/suite-steps";

/** What `check` found: everything a run would reject, and how much was checked. */
export interface ProjectCheckOutcome {
  /** passed: a run would start; invalid: it would be rejected (exit 2), the diagnostics say why */
  status: "passed" | "invalid";
  /** errors and warnings, with the source texts their code frames quote */
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  counts: { suites: number; steps: number; requests: number };
}

/** What `coverage` found: which operations and status codes the suites exercise. */
export interface ProjectCoverageOutcome {
  status: "passed" | "invalid";
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** absent when the project is invalid */
  coverage?: CoverageReport;
}

/**
 * load -> parse -> check of the config's suites, collections and schemas, without sending a request; and the
 * accept file of the regression gate (--accept, or the default one when present), with positions.
 */
export async function checkProject(config: Config, hooks: LoadHooks = {}): Promise<ProjectCheckOutcome> {
  const project = await loadProject(config, hooks);
  const steps = project.suites.reduce((n, s) => n + stepCount(s), 0);
  const accept = acceptFileOf(config);
  const diagnostics = accept === undefined ? project.diagnostics : [...project.diagnostics, ...withShownPaths(await checkAcceptFile(accept), config.cwd)];
  return {
    status: hasErrors(diagnostics) || !project.contract ? "invalid" : "passed",
    diagnostics, sources: project.sources,
    counts: { suites: project.suites.length, steps, requests: project.requests.size },
  };
}

/** The coverage of the contract's operations by the config's suites (checked first, as a run would). */
export async function coverageOfProject(config: Config, hooks: LoadHooks = {}): Promise<ProjectCoverageOutcome> {
  const project = await loadProject(config, hooks);
  const { diagnostics, sources } = project;
  if (hasErrors(diagnostics) || !project.contract) return { status: "invalid", diagnostics, sources };
  return { status: "passed", diagnostics, sources, coverage: computeCoverage(project.suites, project.requests, project.contract) };
}
