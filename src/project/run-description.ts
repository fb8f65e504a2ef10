import type { RunHeader } from "../model";
import { runRegions, type Config } from "../config";
import { fingerprint } from "../diagnostics";
import { buildPlan, shardAssignment } from "../plan";
import { planFingerprint } from "../report/run-header";
import type { Project } from "./load-project";
import type { OpenTargets } from "./open-targets";
import { packageInfo } from "./package-info";

/** results.json's header of a run about to start: the tool, the target, regions, API version, and the plan before sharding. */
export function runHeaderOf(config: Config, open: OpenTargets, project: Project, timings?: ReadonlyMap<string, number>): RunHeader {
  // every shard of a run has the same fingerprint, so `merge` can tell the shards of one run from another's
  const whole = buildPlan(project.suites, {
    regions: runRegions(config, project.environments), tags: [...config.tag], excludeTags: [...config.excludeTag], grep: config.grep,
  });
  return {
    tool: packageInfo(), target: open.label, regions: [...open.regions], apiVersion: config.apiVersion, strict: config.strict,
    startedAt: new Date().toISOString(), planFingerprint: planFingerprint(whole),
    ...(config.shard ? { shard: { index: config.shard.index, total: config.shard.total, assignment: assignmentFingerprint(whole.items, config.shard.total, timings) } } : {}),
  };
}

/** Which suite went to which shard, hashed: shards balanced with other timings (or none) get another hash, which `merge` refuses. */
function assignmentFingerprint(items: Parameters<typeof shardAssignment>[0], total: number, timings?: ReadonlyMap<string, number>): string {
  return fingerprint([...shardAssignment(items, total, timings)].map(([key, shard]) => `${key}=${shard}`).sort());
}
