import type { RunEvents } from "../model";

type SyncEvent = Exclude<keyof RunEvents, "onRunEnd">;
type Args<K extends SyncEvent> = Parameters<NonNullable<RunEvents[K]>>;

/** Call one event on every listener that implements it. */
export function emit<K extends SyncEvent>(listeners: RunEvents[], name: K, ...args: Args<K>): void {
  for (const listener of listeners) {
    const handler = listener[name] as ((...a: Args<K>) => void) | undefined;
    if (handler) handler.apply(listener, args);
  }
}
