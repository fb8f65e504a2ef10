/** An attempt in flight, as the watch sees it. */
export interface Watched {
  /** performance.now() by which its whole response must be in (Infinity: no limit) */
  readonly deadline: number;
  /** its deadline passed */
  expire(): void;
  /** its signal aborted */
  interrupt(): void;
}

/**
 * Holds the attempts in flight to their deadlines and signals with one timer, armed for the earliest deadline, and one
 * abort listener per signal, instead of a timer and a listener per attempt: sent one after another, every attempt
 * would otherwise create and drop the timer list of its duration and add and remove a listener on the run's signal.
 * The timer is unref'd: an attempt in flight keeps the process alive by its socket, and a timer left armed after the
 * last one ended must not.
 */
export class AttemptWatch {
  /** in the order they were watched; with one time limit, that is also the order of their deadlines */
  private readonly live = new Set<Watched>();
  private readonly bySignal = new WeakMap<AbortSignal, Set<Watched>>();
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;

  watch(w: Watched, signal: AbortSignal | undefined): void {
    if (w.deadline !== Infinity) {
      this.live.add(w);
      if (w.deadline < this.armedFor) this.arm(w.deadline);
    }
    if (signal) this.watchersOf(signal).add(w);
  }

  unwatch(w: Watched, signal: AbortSignal | undefined): void {
    this.live.delete(w);
    if (signal) this.bySignal.get(signal)?.delete(w);
  }

  private watchersOf(signal: AbortSignal): Set<Watched> {
    let watchers = this.bySignal.get(signal);
    if (!watchers) {
      const those = new Set<Watched>();
      watchers = those;
      this.bySignal.set(signal, those);
      signal.addEventListener("abort", () => {
        for (const w of [...those]) w.interrupt();
      }, { once: true });
    }
    return watchers;
  }

  private arm(deadline: number): void {
    clearTimeout(this.timer);
    this.armedFor = deadline;
    this.timer = setTimeout(this.fire, Math.max(0, deadline - performance.now()));
    this.timer.unref();
  }

  /** Expire every attempt whose deadline has come (in the order they were sent), then wait for the next deadline. */
  private readonly fire = (): void => {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const w of [...this.live]) {
      if (w.deadline <= now) {
        this.live.delete(w);
        w.expire();
      } else if (w.deadline < next) next = w.deadline;
    }
    if (next !== Infinity) this.arm(next);
  };
}
