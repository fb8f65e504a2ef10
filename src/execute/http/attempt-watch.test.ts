import { AttemptWatch, type Watched } from "./attempt-watch";

function attempt(log: string[], name: string, timeoutMs: number): Watched {
  return { deadline: performance.now() + timeoutMs, expire: () => log.push(`${name} expired`), interrupt: () => log.push(`${name} interrupted`) };
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("the watch over attempts in flight", () => {
  it("expires each attempt at its own deadline, not before, and never one that ended", async () => {
    const watch = new AttemptWatch();
    const log: string[] = [];
    const a = attempt(log, "a", 30);
    const b = attempt(log, "b", 60);
    const done = attempt(log, "done", 40);
    watch.watch(a, undefined);
    watch.watch(done, undefined);
    watch.watch(b, undefined);
    watch.unwatch(done, undefined);
    await wait(10);
    expect(log).toEqual([]);
    await wait(35);
    expect(log).toEqual(["a expired"]);
    await wait(40);
    expect(log).toEqual(["a expired", "b expired"]);
  });

  it("interrupts every attempt in flight on the signal, once, and not those that ended", () => {
    const watch = new AttemptWatch();
    const log: string[] = [];
    const controller = new AbortController();
    const [a, b, c] = ["a", "b", "c"].map((name) => attempt(log, name, Infinity));
    for (const w of [a!, b!, c!]) watch.watch(w, controller.signal);
    watch.unwatch(b!, controller.signal);
    controller.abort();
    controller.abort();
    expect(log).toEqual(["a interrupted", "c interrupted"]);
  });
});
