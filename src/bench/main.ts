import { coldStartFigures, rssFigures, wholeProcessFigures } from "./cli-bench";
import { runCompareBench } from "./compare-bench";
import { concurrencyFigures } from "./concurrency-bench";
import { measureEmulatorLoad } from "./emulator-load";
import { figureTable, fmt, infoFigure, ratio, type Figure } from "./figures";
import { runFloor } from "./floor";
import { runRunner } from "./runner-bench";
import { startBenchServer } from "./server";
import { benchSize, type BenchSize } from "./sizes";

const TOKEN = "bench-token-0123456789abcdef";

/** One part of the bench: what it prints as it goes, and its lines of the closing table. */
interface Part {
  lines: string[];
  figures: Figure[];
}

/** Floor vs runner in this process: the same chained requests, interleaved rounds, best of each side. */
async function inProcessFigures(url: string, size: BenchSize): Promise<Part> {
  const steps = size.chainedSteps;
  await runFloor(url, TOKEN, steps); // warm-up: JIT and sockets
  await runRunner(url, { suites: 1, steps, concurrency: 1 });
  let floorMs = Infinity;
  let runner = { ms: Infinity, reportMs: { junit: 0, json: 0 }, passed: 0, steps: 0 };
  const problems: string[] = [];
  for (let round = 0; round < size.rounds; round++) {
    floorMs = Math.min(floorMs, await runFloor(url, TOKEN, steps));
    const r = await runRunner(url, { suites: 1, steps, concurrency: 1 });
    // a round that failed steps is fast for the wrong reason: it must not count as a yes
    if (r.steps !== steps || r.passed !== steps) problems.push(`round ${round + 1}: ${r.passed} of ${r.steps} steps passed, ${steps} expected`);
    if (r.ms < runner.ms) runner = r;
  }
  const value = floorMs / runner.ms;
  return {
    lines: [
      `floor  (bare undici, ${steps} chained requests, best of ${size.rounds}): ${fmt(floorMs)} ms, ${fmt((steps / floorMs) * 1000)} req/s`,
      `runner (runPlan, best of ${size.rounds}, ${runner.steps} steps, ${runner.passed} passed, schema-checked, JUnit + JSON written): ${fmt(runner.ms)} ms (of which junit.xml ${fmt(runner.reportMs.junit)} ms, results.json ${fmt(runner.reportMs.json)} ms), ${fmt((steps / runner.ms) * 1000)} req/s`,
      `overhead per request: ${fmt(((runner.ms - floorMs) / steps) * 1000)} µs; runner/floor throughput, loop only: ${ratio(value)}`,
    ],
    figures: [infoFigure(`runner vs bare undici loop, ${steps} steps, loop only`, ratio(value), problems)],
  };
}

/** Every part in turn, each printed as soon as it is measured; the table of figures at the end. */
async function runParts(size: BenchSize, print: (lines: string[]) => void): Promise<Figure[]> {
  const server = await startBenchServer(TOKEN);
  const figures: Figure[] = [];
  const take = (part: Part): void => {
    print(part.lines);
    figures.push(...part.figures);
  };
  try {
    take(await inProcessFigures(server.url, size));
    take(await wholeProcessFigures(server.url, TOKEN, size.chainedSteps, size.rounds));
    take(await coldStartFigures(server.url, size.coldStartRuns));
    take(await rssFigures(server.url, size.rssSteps));
  } finally {
    await server.close();
  }
  take(await concurrencyFigures(TOKEN, size.concurrency));
  take(await measureEmulatorLoad(size.emulatorLoad));
  take(await runCompareBench(size.compareSteps));
  return figures;
}

/** `npm run bench` (`-- --tiny` for a smoke run): every figure of issue 13, then which of its targets hold. */
async function main(): Promise<void> {
  const size = benchSize(process.argv.slice(2), process.env);
  const print = (lines: string[]) => process.stdout.write(`${lines.join("\n")}\n`);
  if (size.name === "tiny") print(["tiny size: these figures show that the bench runs, not whether a target holds"]);
  const figures = await runParts(size, print);
  print(["", `targets of issue 13 (${size.name} size):`, ...figureTable(figures)]);
}

// only when run as a program, so a test can import from it without starting the benchmark
if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
