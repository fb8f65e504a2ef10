import type { Plan, RunResult, StepResult, SuiteResult } from "../model";
import { addToTotals } from "../vocabulary/run-totals";

/** One kind of entity a run left behind, and the suite run whose request created it. */
export interface Leftover {
  region: string;
  project: string;
  kind: string;
  count: number;
  /** the suite run key ("contacts@us"); "" when the creating request named none */
  createdBy: string;
}

interface EntityRow {
  region: string;
  project_id: string;
  kind: string;
  created_by: string;
}

/** What the emulator still holds in the run's regions, by region, project, kind and creator (read from its admin API). */
export async function readLeftovers(adminUrl: string, regions: string[]): Promise<Leftover[]> {
  const response = await fetch(`${adminUrl}/entities`);
  const { entities } = (await response.json()) as { entities: EntityRow[] };
  const groups = new Map<string, Leftover>();
  for (const e of entities) {
    if (!regions.includes(e.region)) continue;
    const key = JSON.stringify([e.region, e.project_id, e.kind, e.created_by]);
    const group = groups.get(key) ?? { region: e.region, project: e.project_id, kind: e.kind, count: 0, createdBy: e.created_by };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

const STEP_NAME = "nothing left behind";
const REQUEST = "GET /_emulator/entities";

/** Which part of a run the check belongs to: every shard's check is a record of its own, so merged reports keep them apart. */
export interface CleanupScope {
  shard?: { index: number; total: number };
}

function cleanupStep(name: string, leftovers: Leftover[], at: { file: string; line: number; column: number }): StepResult {
  return {
    name, phase: "teardown", ...at, outcome: "failed", request: REQUEST, durationMs: 0, attempts: [], flaky: false, drift: [],
    failures: leftovers.map((l) => ({
      kind: "cleanup",
      message: `${l.count} ${l.kind} left in ${l.region} (project ${l.project}), created by ${l.createdBy || "a request of no suite run"} and never deleted`,
      expected: "0", actual: String(l.count),
    })),
  };
}

/** The cleanup check's record: "cleanup@all", or "cleanup-shard-2-of-3@all" in shard 2 of 3. */
function cleanupSuite(result: RunResult, scope: CleanupScope, steps: StepResult[]): SuiteResult {
  const { shard } = scope;
  const suiteId = shard ? `cleanup-shard-${shard.index}-of-${shard.total}` : "cleanup";
  const name = shard ? `Emulator state after shard ${shard.index}/${shard.total}` : "Emulator state after the run";
  return { key: `${suiteId}@all`, suiteId, name, file: "(emulator)", region: "all", outcome: "failed", startedAt: result.finishedAt, durationMs: 0, steps };
}

/**
 * The run with the cleanup check: when the emulator still holds something, one more record, "Emulator state after
 * the run", with a failing step per suite run that left something ("nothing left behind by leaky@us", at the suite's
 * file) and one for what no suite run created. The suites' own records stay as they were written when they ended
 * (one record per suite key), and the totals count no extra suite. `result.totals` counts every suite that finished,
 * whether `result.suites` holds them or not.
 */
export function withCleanupCheck(result: RunResult, leftovers: Leftover[], plan: Plan, scope: CleanupScope = {}): RunResult {
  if (leftovers.length === 0) return result;
  const byKey = new Map<string, Leftover[]>();
  for (const l of leftovers) byKey.set(l.createdBy, [...(byKey.get(l.createdBy) ?? []), l]);
  const steps = [...byKey].sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b))).map(([createdBy, left]) => {
    if (createdBy === "") return cleanupStep(`${STEP_NAME} by requests of no suite run`, left, { file: "(emulator)", line: 0, column: 0 });
    const pos = plan.items.find((item) => item.key === createdBy)?.suite.pos ?? { file: "(emulator)", line: 0, column: 0 };
    return cleanupStep(`${STEP_NAME} by ${createdBy}`, left, pos);
  });
  const cleanup = cleanupSuite(result, scope, steps);
  // the totals count the check's steps, not one more suite; a run that released its suites holds none but this one
  const totals = { ...addToTotals({ ...result.totals }, cleanup), suites: result.totals.suites };
  return { ...result, suites: [...result.suites, cleanup], totals };
}
