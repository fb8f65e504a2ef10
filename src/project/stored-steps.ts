import type { Step } from "../model";

/** Where a suite's stored steps come from: part `index` holds steps of one phase, in order. */
export interface StepParts {
  read(index: number): Step[];
}

/** The parts of one phase, in order: [part index, how many steps it holds]. */
export type PhaseParts = ReadonlyArray<readonly [number, number]>;

/** The last part read: a suite's steps are read in order, part after part, and only one part is held. */
class LastPart {
  private index = -1;
  private steps: Step[] = [];

  constructor(private readonly parts: StepParts) {}

  step(part: number, offset: number): Step {
    if (part !== this.index) {
      this.steps = this.parts.read(part);
      this.index = part;
    }
    return this.steps[offset]!;
  }
}

/** An index of the list when `key` is one (a canonical array index below `length`), else -1. */
function indexOf(key: string | symbol, length: number): number {
  if (typeof key !== "string") return -1;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < length && String(n) === key ? n : -1;
}

/** Which of the phase's parts holds step `i`: the last one whose first step (`starts`) is not after it. */
function partOf(starts: number[], i: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= i) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The steps of one phase, read through a LastPart; read-only (a run never changes a parsed suite). */
function storedPhase(parts: PhaseParts, last: LastPart): Step[] {
  const starts: number[] = [];
  let count = 0;
  for (const [, n] of parts) {
    starts.push(count);
    count += n;
  }
  const target: Step[] = [];
  target.length = count;
  const at = (i: number): Step => {
    const k = partOf(starts, i);
    return last.step(parts[k]![0], i - starts[k]!);
  };
  const handler: ProxyHandler<Step[]> = {
    get: (list, key, receiver) => {
      const i = indexOf(key, count);
      return i < 0 ? Reflect.get(list, key, receiver) : at(i);
    },
    has: (list, key) => indexOf(key, count) >= 0 || Reflect.has(list, key),
    getOwnPropertyDescriptor: (list, key) => {
      const i = indexOf(key, count);
      return i < 0 ? Reflect.getOwnPropertyDescriptor(list, key) : { value: at(i), writable: false, enumerable: true, configurable: true };
    },
    ownKeys: (list) => [...Array.from({ length: count }, (_, i) => String(i)), ...Reflect.ownKeys(list)],
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  return new Proxy(target, handler);
}

/** The parts of every suite read this way, closed when none of its lists can be reached any more. */
const closeWhenUnused = new FinalizationRegistry<() => void>((close) => close());

/**
 * A suite's phases as lists that hold none of their steps: each read takes the step from the part it is stored in,
 * decoding that part when it is not the one read last (so a pass in order decodes each part once, and memory holds
 * one part, whatever the suite's size). They are arrays to every reader (length, index, iteration, JSON) but can
 * not be changed. `phases` are the parts of setup, steps and teardown.
 */
export function storedPhases(phases: readonly [PhaseParts, PhaseParts, PhaseParts], parts: StepParts & { close(): void }): [Step[], Step[], Step[]] {
  const last = new LastPart(parts);
  closeWhenUnused.register(last, () => parts.close());
  return phases.map((phase) => storedPhase(phase, last)) as [Step[], Step[], Step[]];
}
