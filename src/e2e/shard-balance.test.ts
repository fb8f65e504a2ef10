import { resolve } from "node:path";
import { resolveConfig, type Config } from "../config";
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
async function shardLoads(total: number, timed: boolean): Promise<{ loads: number[]; keys: string[] }> {
  const recorded = (await readShardTimings(configOf(["run", "--shard-timings", TIMINGS]))).timings!;
  const loads: number[] = [];
  const keys: string[] = [];
  for (let index = 1; index <= total; index++) {
    const config = configOf(["run", "--shard", `${index}/${total}`, ...(timed ? ["--shard-timings", TIMINGS] : [])]);
    const plan = planRun(config, loadProject(config), (await readShardTimings(config)).timings).plan!;
    keys.push(...plan.items.map((item) => item.key));
    loads.push(plan.items.reduce((sum, item) => sum + recorded.get(item.key)!, 0));
  }
  return { loads, keys };
}

function spread(loads: number[]): number {
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  return Math.max(...loads.map((load) => Math.abs(load - mean))) / mean;
}

describe("--shard with --shard-timings on the main job", () => {
  it.each([2, 3])("splits it into %i shards whose recorded durations are within 25%% of the mean, every suite once", async (total) => {
    const { loads, keys } = await shardLoads(total, true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(41);
    expect(spread(loads)).toBeLessThanOrEqual(0.25);
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
