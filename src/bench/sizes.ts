/** How big each part of `npm run bench` is: full (the figures of issue 13) or tiny (the test's smoke run). */
export interface BenchSize {
  name: "full" | "tiny";
  /** chained steps of the runner-vs-floor comparison (in process and whole process) */
  chainedSteps: number;
  /** interleaved rounds of that comparison, best of each side */
  rounds: number;
  /** spawns per cold-start series (median) */
  coldStartRuns: number;
  /** steps of the one-suite runs whose peak RSS is measured */
  rssSteps: number[];
  /** suites x steps at concurrency 16 against a server answering after `latencyMs` */
  concurrency: { suites: number; steps: number; latencyMs: number };
  /** autocannon seconds per endpoint and interleaved rounds of the emulator load test */
  emulatorLoad: { seconds: number; rounds: number };
  /** steps in each of the two results files `compare` reads */
  compareSteps: number;
}

const FULL: BenchSize = {
  name: "full",
  chainedSteps: 1000,
  rounds: 5,
  coldStartRuns: 7,
  rssSteps: [1000, 10_000, 100_000],
  concurrency: { suites: 64, steps: 10, latencyMs: 50 },
  emulatorLoad: { seconds: 3, rounds: 5 },
  compareSteps: 100_000,
};

const TINY: BenchSize = {
  name: "tiny",
  chainedSteps: 20,
  rounds: 1,
  coldStartRuns: 1,
  rssSteps: [10, 20, 40],
  concurrency: { suites: 4, steps: 2, latencyMs: 5 },
  emulatorLoad: { seconds: 1, rounds: 1 },
  compareSteps: 200,
};

/** `--tiny` (or CC_BENCH_SIZE=tiny) for the smoke run; CC_BENCH_RSS_STEPS=1000,10000 overrides the RSS sizes. */
export function benchSize(argv: string[], env: NodeJS.ProcessEnv): BenchSize {
  const size = argv.includes("--tiny") || env.CC_BENCH_SIZE === "tiny" ? TINY : FULL;
  const rssSteps = env.CC_BENCH_RSS_STEPS?.split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return rssSteps && rssSteps.length > 0 ? { ...size, rssSteps } : size;
}
