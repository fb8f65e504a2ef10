import type { Diagnostic, Plan } from "../model";
import { DiagnosticError, makeDiagnostic } from "../diagnostics";
import { callbackReachProblem } from "../check/callback-reach";
import { runRegions, type Config } from "../config";
import { buildPlan } from "../plan";
import type { Project } from "./load-project";

/** The plan of a run, or the diagnostics that reject it; warnings may come with a plan. */
export interface PlannedRun {
  plan?: Plan;
  diagnostics: Diagnostic[];
}

/**
 * The plan, decided before any target is opened or credential read, so input that would fail the run (filters
 * that select nothing, callback steps a region cannot deliver) is rejected first, whatever the credentials.
 */
export function planRun(config: Config, project: Project, timings?: ReadonlyMap<string, number>): PlannedRun {
  let plan: Plan;
  try {
    plan = buildPlan(project.suites, {
      regions: runRegions(config, project.environments), tags: [...config.tag], excludeTags: [...config.excludeTag],
      grep: config.grep, shard: config.shard ? { ...config.shard, timings } : undefined,
    });
  } catch (e) {
    if (e instanceof DiagnosticError) return { diagnostics: e.diagnostics };
    throw e;
  }
  const unreachable = callbackReachProblem({ target: config.target, env: config.envFiles[0]?.file, callbackUrl: config.callbackUrl }, plan);
  if (unreachable) return { diagnostics: [unreachable] };
  if (plan.items.length > 0 || !config.shard) return { plan, diagnostics: [] };
  const { index, total } = config.shard;
  return { plan, diagnostics: [makeDiagnostic("CC_EMPTY_SHARD", `shard ${index}/${total} holds no suite; nothing was run`)] };
}
