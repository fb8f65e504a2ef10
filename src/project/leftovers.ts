import type { RunResult, StepResult, SuiteResult } from "../model";
import { totalsOf } from "../execute";

/** Per region and project: how many entities of each kind the emulator still holds. */
type StateCounts = Record<string, Record<string, Record<string, number>>>;

/** One kind of entity a run left behind. */
export interface Leftover {
  region: string;
  project: string;
  kind: string;
  count: number;
}

/** What the emulator still holds in the run's regions (read from its admin API). */
export async function readLeftovers(adminUrl: string, regions: string[]): Promise<Leftover[]> {
  const response = await fetch(`${adminUrl}/state`);
  const state = (await response.json()) as { regions: StateCounts };
  const out: Leftover[] = [];
  for (const region of regions) {
    for (const [project, counts] of Object.entries(state.regions[region] ?? {})) {
      for (const [kind, count] of Object.entries(counts)) if (count > 0) out.push({ region, project, kind, count });
    }
  }
  return out;
}

/**
 * The run with one more suite, "emulator state after the run", whose single step fails when anything was left
 * behind: every suite must clean up what it creates, even when it fails.
 */
export function withCleanupCheck(result: RunResult, leftovers: Leftover[]): RunResult {
  const step: StepResult = {
    name: "nothing left behind", phase: "steps", file: "(emulator)", line: 0, column: 0,
    outcome: leftovers.length === 0 ? "passed" : "failed", request: "GET /_emulator/state", durationMs: 0,
    attempts: [], flaky: false, drift: [],
    failures: leftovers.map((l) => ({
      kind: "cleanup", message: `${l.count} ${l.kind} left in ${l.region} (project ${l.project})`,
      expected: "0", actual: String(l.count),
    })),
  };
  const suite: SuiteResult = {
    key: "cleanup@all", suiteId: "cleanup", name: "Emulator state after the run", file: "(emulator)",
    region: result.regions.join(","), outcome: step.outcome, startedAt: result.finishedAt, durationMs: 0, steps: [step],
  };
  const suites = [...result.suites, suite];
  return { ...result, suites, totals: totalsOf(suites) };
}
