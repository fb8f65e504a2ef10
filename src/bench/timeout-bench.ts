import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDispatcher, createSend } from "../execute/http";
import { fmt, targetFigure, type Figure } from "./figures";

/** The --timeout values measured; the example was 100 ms letting a 420 ms response pass. */
const TIMEOUTS_MS = [50, 100, 250, 500, 1000];
/** How late the server answers, past each timeout: far enough that only a timeout that does not hold lets it through. */
const LATE_BY_MS = 400;

/**
 * How soon after `--timeout` an attempt against a server that answers too late ends (issue 10.4: within 50 ms at
 * any value): each timeout `samples` times, the worst overshoot of all. A response that arrives is a failure.
 */
export async function timeoutFigures(samples: number): Promise<{ lines: string[]; figures: Figure[] }> {
  const server = createServer((req, res) => {
    const delay = Number(new URL(req.url ?? "/", "http://x").searchParams.get("ms"));
    const timer = setTimeout(() => res.end("{}"), delay);
    res.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lines: string[] = [];
  const problems: string[] = [];
  let worst = 0;
  try {
    for (const timeoutMs of TIMEOUTS_MS) {
      const agent = createDispatcher({ connectTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs });
      const send = createSend(agent, { timeoutMs });
      const overshoots: number[] = [];
      for (let i = 0; i < samples; i++) {
        const url = `${base}/?ms=${timeoutMs + LATE_BY_MS}`;
        const error = await send({ method: "GET", url, headers: {}, idempotent: true }, { attempts: [] }).then(() => undefined, (e: unknown) => e as { code?: string; durationMs: number });
        if (error?.code !== "CC_TIMEOUT") problems.push(`--timeout ${timeoutMs}: ${error ? error.code : "a late response passed"}`);
        else overshoots.push(error.durationMs - timeoutMs);
      }
      await agent.close();
      const max = Math.max(0, ...overshoots);
      worst = Math.max(worst, max);
      lines.push(`--timeout ${timeoutMs} ms vs a response ${LATE_BY_MS} ms later: ended ${fmt(max)} ms past the timeout at worst (${samples} attempts)`);
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const values = `${TIMEOUTS_MS.join(", ")} ms`;
  return { lines, figures: [targetFigure(`--timeout overshoot, worst of ${values}`, `${fmt(worst)} ms`, "<= 50 ms", worst <= 50, problems)] };
}
