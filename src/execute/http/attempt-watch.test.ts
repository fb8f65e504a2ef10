import { AttemptWatch, type Watched } from "./attempt-watch";

function attempt(log: string[], name: string): Watched {
  return { deadline: Infinity, expire: () => log.push(`${name} expired`), interrupt: () => log.push(`${name} interrupted`) };
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("the watch over attempts in flight", () => {
  it("expires each attempt at its own deadline, not before, in order, and never one that ended", async () => {
    const watch = new AttemptWatch();
    const log: string[] = [];
    const late: Array<[string, boolean]> = [];
    let lastExpired = (): void => {};
    const expiry = (name: string, timeoutMs: number): Watched => {
      const deadline = performance.now() + timeoutMs;
      return { deadline, interrupt: () => log.push(`${name} interrupted`), expire: () => {
        log.push(`${name} expired`);
        late.push([name, performance.now() >= deadline]);
        if (name === "b") lastExpired();
      } };
    };
    const a = expiry("a", 30);
    const done = expiry("done", 40);
    const b = expiry("b", 60);
    const bothOver = new Promise<void>((resolve) => { lastExpired = resolve; });
    watch.watch(a, undefined);
    watch.watch(done, undefined);
    watch.watch(b, undefined);
    watch.unwatch(done, undefined);
    await bothOver;
    await wait(20);
    expect(log).toEqual(["a expired", "b expired"]);
    expect(late).toEqual([["a", true], ["b", true]]);
  });

  it("interrupts every attempt in flight on the signal, once, and not those that ended", () => {
    const watch = new AttemptWatch();
    const log: string[] = [];
    const controller = new AbortController();
    const [a, b, c] = ["a", "b", "c"].map((name) => attempt(log, name));
    for (const w of [a!, b!, c!]) watch.watch(w, controller.signal);
    watch.unwatch(b!, controller.signal);
    controller.abort();
    controller.abort();
    expect(log).toEqual(["a interrupted", "c interrupted"]);
  });
});
