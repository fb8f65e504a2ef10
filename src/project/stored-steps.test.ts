import type { Step } from "../model";
import { storedPhases, type PhaseParts } from "./stored-steps";

/** Steps named after where they are, in parts of `perPart` per phase, with every read of a part counted. */
function stored(counts: [number, number, number], perPart: number) {
  const phases = (["setup", "steps", "teardown"] as const).flatMap((phase, p) => Array.from({ length: Math.ceil(counts[p]! / perPart) }, (_, k) => ({ phase, k })));
  const reads: number[] = [];
  let closed = 0;
  const read = (index: number): Step[] => {
    reads.push(index);
    const { phase, k } = phases[index - 1]!;
    const count = Math.min(perPart, counts[["setup", "steps", "teardown"].indexOf(phase)]! - k * perPart);
    return Array.from({ length: count }, (_, i) => ({ name: `${phase} ${k * perPart + i}`, phase, index: k * perPart + i }) as unknown as Step);
  };
  let part = 1;
  const directory = counts.map((count) => Array.from({ length: Math.ceil(count / perPart) }, (_, k) => [part++, Math.min(perPart, count - k * perPart)] as const));
  const lists = storedPhases(directory as unknown as [PhaseParts, PhaseParts, PhaseParts], { read, close: () => closed++ });
  return { lists, reads, closed: () => closed };
}

const names = (steps: Iterable<Step>) => [...steps].map((s) => s.name);

describe("storedPhases", () => {
  it("reads as arrays: length, index, iteration, array methods and JSON, each phase from its own parts", () => {
    const { lists: [setup, steps, teardown] } = stored([2, 7, 0], 3);
    expect(Array.isArray(steps)).toBe(true);
    expect([setup.length, steps.length, teardown.length]).toEqual([2, 7, 0]);
    expect(steps[6]?.name).toBe("steps 6");
    expect(steps[7]).toBeUndefined();
    expect(names(setup)).toEqual(["setup 0", "setup 1"]);
    expect(steps.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(steps.some((s) => s.name === "steps 4")).toBe(true);
    expect(Object.keys(setup)).toEqual(["0", "1"]);
    expect(JSON.parse(JSON.stringify(steps)).map((s: Step) => s.name)).toEqual(names(steps));
    expect(names(teardown)).toEqual([]);
  });

  it("holds one part: a pass in order reads each part once, going back reads it again", () => {
    const { lists: [, steps], reads } = stored([0, 10, 0], 4);
    expect(names(steps)).toHaveLength(10);
    expect(reads).toEqual([1, 2, 3]);
    reads.length = 0;
    void steps[1];
    void steps[2];
    void steps[9];
    void steps[0];
    expect(reads).toEqual([1, 3, 1]);
  });

  it("cannot be changed", () => {
    const { lists: [, steps] } = stored([0, 3, 0], 2);
    expect(() => steps.push(steps[0]!)).toThrow(TypeError);
    expect(() => {
      steps[0] = steps[1]!;
    }).toThrow(TypeError);
    expect(names(steps)).toEqual(["steps 0", "steps 1", "steps 2"]);
  });
});
