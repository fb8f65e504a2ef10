import type { Step } from "../model";

/** Where a suite's stored steps come from: part `index` holds up to `perPart` steps of one phase, in order. */
export interface StepParts {
  perPart: number;
  read(index: number): Step[];
}

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

/** The steps of one phase, read through a LastPart; read-only (a run never changes a parsed suite). */
function storedPhase(count: number, firstPart: number, perPart: number, last: LastPart): Step[] {
  const target: Step[] = [];
  target.length = count;
  const at = (i: number): Step => last.step(firstPart + Math.floor(i / perPart), i % perPart);
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
 * not be changed. `counts` are the phases' lengths, stored one after the other from part `firstPart` on.
 */
export function storedPhases(counts: readonly [number, number, number], firstPart: number, parts: StepParts & { close(): void }): [Step[], Step[], Step[]] {
  const last = new LastPart(parts);
  closeWhenUnused.register(last, () => parts.close());
  const lists: Step[][] = [];
  let part = firstPart;
  for (const count of counts) {
    lists.push(storedPhase(count, part, parts.perPart, last));
    part += Math.ceil(count / parts.perPart);
  }
  return lists as [Step[], Step[], Step[]];
}
