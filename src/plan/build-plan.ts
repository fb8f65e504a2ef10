import { DiagnosticError, makeDiagnostic } from "../diagnostics";
import type { Plan, PlannedSuite, Suite } from "../model";
import { nothingSelected } from "./nothing-selected";
import { orderItems } from "./order";
import { selectSuites } from "./select";
import { shardItems, type ShardSpec } from "./shard";

/** How to build a plan: the run's regions and the user's filters. */
export interface PlanOptions {
  regions: string[];
  tags?: string[];
  excludeTags?: string[];
  grep?: string;
  shard?: ShardSpec;
}

/**
 * Suites x regions x filters x shard -> the ordered plan (needs first). Filters that leave nothing throw
 * CC_NOTHING_SELECTED; a shard may still come out empty (more shards than groups of suites).
 */
export function buildPlan(suites: Suite[], opts: PlanOptions): Plan {
  if (opts.shard) validateShard(opts.shard);
  const selected = selectSuites(suites, opts);
  const items: PlannedSuite[] = [];
  for (const suite of selected) {
    for (const region of regionsOf(suite, opts.regions)) {
      items.push({ key: `${suite.id}@${region}`, suite, region, needs: suite.needs.map((n) => `${n}@${region}`) });
    }
  }
  if (items.length === 0) throw new DiagnosticError(nothingSelected(suites, opts));
  checkNeedsPlanned(items);
  let ordered = orderItems(items);
  if (opts.shard) ordered = shardItems(ordered, opts.shard);
  return { items: ordered, regions: [...opts.regions] };
}

function regionsOf(suite: Suite, runRegions: string[]): string[] {
  if (!suite.regions) return runRegions;
  return runRegions.filter((r) => suite.regions!.includes(r));
}

function checkNeedsPlanned(items: PlannedSuite[]): void {
  const keys = new Set(items.map((i) => i.key));
  for (const item of items) {
    const missing = item.needs.find((n) => !keys.has(n));
    if (missing) {
      throw new DiagnosticError(makeDiagnostic("CC_UNKNOWN_NEED",
        `suite "${item.key}" needs "${missing}", which does not run in region ${item.region}`, item.suite.pos,
        `add ${item.region} to the regions of the needed suite, or drop it from this suite's regions`));
    }
  }
}

function validateShard(shard: ShardSpec): void {
  const ok = Number.isInteger(shard.index) && Number.isInteger(shard.total) && shard.total >= 1 &&
    shard.index >= 1 && shard.index <= shard.total;
  if (!ok) {
    throw new DiagnosticError(makeDiagnostic("CC_BAD_OPTION", `shard ${shard.index}/${shard.total} is not valid`, undefined,
      "write the shard as I/N with 1 <= I <= N, e.g. 1/3"));
  }
}
