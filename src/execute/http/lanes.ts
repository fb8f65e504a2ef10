import type { Dispatcher } from "undici";

/**
 * Dispatchers of one connection per origin, one for each suite that is sending. A suite sends one request at a time;
 * undici frees a connection one event-loop turn after its response, so over one shared agent a suite's next request
 * found its connection still busy and went out on a second, idle one: sequential requests alternated between two
 * connections and each write woke an idle socket (1,000 chained steps ~50 ms slower). Its own lane makes the next
 * request wait that turn for the connection the last one used, and a finished suite leaves the lane, with its open
 * connections, to the next suite.
 */
export class Lanes {
  private readonly free: Dispatcher[] = [];
  private readonly made: Dispatcher[] = [];

  /** `make` builds a dispatcher that keeps at most one connection per origin. */
  constructor(private readonly make: () => Dispatcher) {}

  take(): Dispatcher {
    const lane = this.free.pop();
    if (lane) return lane;
    const made = this.make();
    this.made.push(made);
    return made;
  }

  give(lane: Dispatcher): void {
    this.free.push(lane);
  }

  async close(): Promise<void> {
    await Promise.all(this.made.map((lane) => lane.close()));
  }
}
