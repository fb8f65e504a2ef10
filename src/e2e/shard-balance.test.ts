import { resolve } from "node:path";
import { resolveConfig, type Config } from "../config";
import type { PlannedSuite } from "../model";
import { loadProject } from "../project/load-project";
import { planRun } from "../project/plan-run";
import { readShardTimings } from "../project/shard-timings";
import { runBuiltCli } from "./cli-process";

const ROOT = resolve(__dirname, "..", "..");
/** The suite durations of one run of the main job (every suite, us and eu, on the emulator), its steps left out. */
const TIMINGS = "src/e2e/fixtures/results/main-job-timings.json";

function configOf(argv: string[]): Config {
  const { config, diagnostics } = resolveConfig({ argv, env: {}, cwd: ROOT });
  expect(diagnostics).toEqual([]);
  return config!;
}

/** The main job's shards as `run --shard I/N` plans them, each with the recorded time of its suites. */
async function shardLoads(total: number, timed: boolean): Promise<{ loads: number[]; shards: PlannedSuite[][]; planned: number }> {
  const recorded = (await readShardTimings(configOf(["run", "--shard", "1/1", "--shard-timings", TIMINGS]))).timings!;
  // a suite added since the timings were recorded counts as their average, as --shard-timings weighs it
  const average = [...recorded.values()].reduce((a, b) => a + b, 0) / recorded.size;
  const whole = configOf(["run"]);
  const planned = planRun(whole, await loadProject(whole)).plan!.items.length;
  const loads: number[] = [];
  const shards: PlannedSuite[][] = [];
  for (let index = 1; index <= total; index++) {
    const config = configOf(["run", "--shard", `${index}/${total}`, ...(timed ? ["--shard-timings", TIMINGS] : [])]);
    const plan = planRun(config, await loadProject(config), (await readShardTimings(config)).timings).plan!;
    shards.push(plan.items);
    loads.push(plan.items.reduce((sum, item) => sum + (recorded.get(item.key) ?? average), 0));
  }
  return { loads, shards, planned };
}

function spread(loads: number[]): number {
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  return Math.max(...loads.map((load) => Math.abs(load - mean))) / mean;
}

describe("--shard with --shard-timings on the main job", () => {
  it("splits it into 2 shards whose recorded durations are within 25% of the mean, every suite once", async () => {
    const { loads, shards, planned } = await shardLoads(2, true);
    const keys = shards.flat().map((item) => item.key);
    expect(new Set(keys).size).toBe(planned);
    expect(keys).toHaveLength(planned);
    expect(spread(loads)).toBeLessThanOrEqual(0.25);
  });

  it("splits it into 3 shards within 25% of the mean, unless one group of suites linked by needs outweighs that: then it is alone in its shard", async () => {
    const { loads, shards, planned } = await shardLoads(3, true);
    expect(new Set(shards.flat().map((item) => item.key)).size).toBe(planned);
    if (spread(loads) <= 0.25) return;
    // app@eu and the suites that need it must share a shard; when they weigh more than 1.25 times the mean, the best
    // split gives them a shard of their own and balances the rest
    const heaviest = shards[loads.indexOf(Math.max(...loads))]!;
    const keys = new Set(heaviest.map((item) => item.key));
    const linked = (item: PlannedSuite): boolean => item.needs.some((n) => keys.has(n)) || heaviest.some((other) => other.needs.includes(item.key));
    expect(heaviest.filter((item) => !linked(item)).map((item) => item.key)).toEqual([]);
    const rest = loads.filter((_, i) => shards[i] !== heaviest);
    expect(spread(rest)).toBeLessThanOrEqual(0.25);
  });

  it("balances better than the step counts alone (which is what --shard goes by without timings)", async () => {
    const timed = spread((await shardLoads(3, true)).loads);
    const untimed = spread((await shardLoads(3, false)).loads);
    expect(untimed).toBeGreaterThan(0.25);
    expect(timed).toBeLessThan(untimed);
  });

  it("stops before anything is sent (exit 2, naming the file) when the timings file is not a results file", async () => {
    const r = await runBuiltCli(["run", "--shard", "1/2", "--shard-timings", "README.md", "--out", "reports/never"], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[CC_NOT_RESULTS\]: README\.md is not a results file/);
    expect(r.stdout).toBe("");
  });
});
