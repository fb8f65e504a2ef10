import type { Plan, RunResult, StepResult, SuiteResult } from "../model";
import { suiteOutcome, totalsOf } from "../execute";

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

function cleanupStep(leftovers: Leftover[], at: { file: string; line: number; column: number }): StepResult {
  return {
    name: STEP_NAME, phase: "teardown", ...at, outcome: "failed", request: REQUEST, durationMs: 0, attempts: [], flaky: false, drift: [],
    failures: leftovers.map((l) => ({
      kind: "cleanup",
      message: `${l.count} ${l.kind} left in ${l.region} (project ${l.project}), created by ${l.createdBy || "a request of no suite run"} and never deleted`,
      expected: "0", actual: String(l.count),
    })),
  };
}

/**
 * The run with the cleanup check: each suite that created something still there gets one more step,
 * "nothing left behind", that fails and names what it left, so the suite to fix is the one that fails and
 * the totals count no extra suite. What no suite of the run created (a request that named none) goes to a
 * separate "Emulator state after the run" entry, which is not counted as a suite either.
 */
export function withCleanupCheck(result: RunResult, leftovers: Leftover[], plan: Plan): RunResult {
  if (leftovers.length === 0) return result;
  const byKey = new Map<string, Leftover[]>();
  for (const l of leftovers) byKey.set(l.createdBy, [...(byKey.get(l.createdBy) ?? []), l]);
  const suites: SuiteResult[] = result.suites.map((suite) => {
    const left = byKey.get(suite.key);
    if (!left) return suite;
    byKey.delete(suite.key);
    const pos = plan.items.find((item) => item.key === suite.key)?.suite.pos ?? { file: suite.file, line: 1, column: 1 };
    const steps = [...suite.steps, cleanupStep(left, pos)];
    return { ...suite, steps, outcome: suiteOutcome(steps) };
  });
  const unattributed = [...byKey.values()].flat();
  if (unattributed.length > 0) {
    const step = cleanupStep(unattributed, { file: "(emulator)", line: 0, column: 0 });
    suites.push({
      key: "cleanup@all", suiteId: "cleanup", name: "Emulator state after the run", file: "(emulator)", region: result.regions.join(","),
      outcome: "failed", startedAt: result.finishedAt, durationMs: 0, steps: [step],
    });
  }
  return { ...result, suites, totals: { ...totalsOf(suites), suites: result.suites.length } };
}
