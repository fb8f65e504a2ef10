import { fmt, infoFigure, ratio, type Figure } from "./figures";
import { runRunner } from "./runner-bench";
import { startBenchServer } from "./server";

const CONCURRENCY = 16;

/**
 * `suites` suites of `steps` chained steps, 16 at a time, against a server that answers each request after
 * `latencyMs`: ideally the run takes ceil(suites / 16) x steps x latency; the ratio says how close it comes.
 */
export async function concurrencyFigures(token: string, job: { suites: number; steps: number; latencyMs: number }): Promise<{ lines: string[]; figures: Figure[] }> {
  const server = await startBenchServer(token, job.latencyMs);
  try {
    const result = await runRunner(server.url, { suites: job.suites, steps: job.steps, concurrency: CONCURRENCY });
    const idealMs = Math.ceil(job.suites / CONCURRENCY) * job.steps * job.latencyMs;
    const expected = job.suites * job.steps;
    const problems = result.passed === expected ? [] : [`${result.passed} of ${expected} steps passed`];
    return {
      lines: [`concurrency ${CONCURRENCY}, ${job.suites} suites x ${job.steps} steps, ${job.latencyMs} ms server latency: ${fmt(result.ms)} ms, ideal ${idealMs} ms, ideal/actual ${ratio(idealMs / result.ms)}`],
      figures: [infoFigure(`concurrency ${CONCURRENCY}, ${job.latencyMs} ms latency, vs ideal`, `${ratio(idealMs / result.ms)} of ideal`, problems)],
    };
  } finally {
    await server.close();
  }
}
