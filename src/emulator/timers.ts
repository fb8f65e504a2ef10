/** Timers the emulator owns, so reset() and close() can cancel everything still pending. */
export class TimerSet {
  private readonly pending = new Set<NodeJS.Timeout>();

  /** Run fn after ms unless cancelled first; errors thrown by fn are swallowed by design (never crash the server). */
  after(ms: number, fn: () => void | Promise<void>): void {
    const t = setTimeout(() => {
      this.pending.delete(t);
      Promise.resolve()
        .then(fn)
        .catch(() => undefined);
    }, ms);
    this.pending.add(t);
  }

  /** Cancel every pending timer. */
  clear(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }

  /** Number of timers still pending. */
  get size(): number {
    return this.pending.size;
  }
}
