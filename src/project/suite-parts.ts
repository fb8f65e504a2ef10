import type { Phase, SourcePos, Step, Suite } from "../model";
import type { OpenCacheParts } from "../load/cache-parts";
import { storedPositions } from "../parse/field-positions";
import { storedPhases, type PhaseParts } from "./stored-steps";

/**
 * How the start-up cache stores a parsed suite, as parts of text: its steps, a part at a time, then its head (the
 * suite without its steps, and which parts hold each phase's steps). Reading gives the suite as parse/ made it.
 */

/** Whether JSON keeps this value exactly (YAML may give .inf, .nan or -0, which JSON would change). */
function jsonExact(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every((v) => v !== undefined && jsonExact(v));
  if (typeof value === "object") return Object.values(value).every((v) => v === undefined || jsonExact(v));
  return false;
}

/** What a source position in the suite's own file is stored as: [MARK, line, column] instead of 18 copies of its path per step. */
const POSITION_MARK = "\u0000pos";

function isOwnPosition(value: unknown, file: string): value is SourcePos {
  if (typeof value !== "object" || value === null || (value as SourcePos).file !== file) return false;
  const keys = Object.keys(value);
  return keys.length === 3 && keys[0] === "file" && keys[1] === "line" && keys[2] === "column";
}

/** Part of a cached suite as JSON, positions in its own file made compact; throws when JSON would change it or its data holds the mark itself. */
function encodePart(value: unknown, file: string): string {
  if (!jsonExact(value)) throw new Error("not exact in JSON");
  let clash = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (isOwnPosition(v, file)) return [POSITION_MARK, v.line, v.column];
    if (Array.isArray(v) && v[0] === POSITION_MARK) clash = true;
    return v;
  });
  if (clash) throw new Error("holds the position mark");
  return text;
}

/**
 * A cached part back as parse/ made it: each compact position one object again, all sharing one path string.
 * JSON.parse then one walk (a reviver, called for every value, took three times as long), without recursion.
 */
function decodePart(text: string, file: string): unknown {
  const root: unknown = JSON.parse(text);
  if (isMark(root)) return positionOf(root, file);
  const pending: object[] = typeof root === "object" && root !== null ? [root] : [];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const record = node as Record<string, unknown>;
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      const value = record[key];
      if (isMark(value)) {
        // as JSON.parse defines it: a key such as "__proto__" stays an own property
        Object.defineProperty(record, key, { value: positionOf(value, file), writable: true, enumerable: true, configurable: true });
      } else if (typeof value === "object" && value !== null) pending.push(value);
    }
  }
  return root;
}

function isMark(value: unknown): value is [string, number, number] {
  return Array.isArray(value) && value.length === 3 && value[0] === POSITION_MARK;
}

function positionOf(mark: [string, number, number], file: string): SourcePos {
  return { file, line: mark[1], column: mark[2] };
}

const PHASES: readonly Phase[] = ["setup", "steps", "teardown"];
/**
 * Steps per stored part at most: writing and reading a suite holds one part's text at a time, whatever the suite's
 * size. Small, so a pass over a suite (check, secrets, fingerprint) lets each part go while it is still young garbage.
 */
const STEPS_PER_PART = 100;
/**
 * Steps held in memory at most, all suites of a run together: a stored suite that would pass it is not held once it is
 * stored (its phases read their steps back from the cache entry a part at a time, stored-steps); one within it is read
 * whole. So many mid-sized suites cost what one large one does.
 */
export const STORED_AFTER_STEPS = 2000;

/** Whether a suite of `steps` steps is read whole; counts it against STORED_AFTER_STEPS when it is. */
export type HoldWhole = (steps: number) => boolean;

/** A budget of STORED_AFTER_STEPS held steps, for the suites of one run. */
export function heldStepsBudget(): HoldWhole {
  let held = 0;
  return (steps) => {
    if (held + steps > STORED_AFTER_STEPS) return false;
    held += steps;
    return true;
  };
}

/** Where each phase's steps are: its parts in order, [part index, how many steps]. */
type Directory = [PhaseParts, PhaseParts, PhaseParts];

/** A step as stored: its position [line, column], its field positions [shape, line, column, line, column...]. */
type StoredStep = Omit<Step, "pos" | "fieldPos"> & { pos: [number, number]; fieldPos: number[] };

/** A part of steps as stored: [phase, the field path lists its steps share, the steps]. */
type StepsPart = [Phase, string[][], StoredStep[]];

function ownPosition(pos: SourcePos | undefined, file: string): SourcePos {
  if (!isOwnPosition(pos, file)) throw new Error("a position in another file");
  return pos;
}

/** A step as stored: its positions as numbers (one path list per shape of step in the part); throws when JSON would change it. */
function storeStep(step: Step, file: string, shapes: Map<string, number>, paths: string[][]): StoredStep {
  const { pos, fieldPos, ...written } = step;
  if (!jsonExact(written)) throw new Error("not exact in JSON");
  const fields = Object.keys(fieldPos);
  const shapeKey = fields.join("\n");
  let shape = shapes.get(shapeKey);
  if (shape === undefined) {
    shape = paths.push(fields) - 1;
    shapes.set(shapeKey, shape);
  }
  const numbers = [shape];
  for (const field of fields) {
    const at = ownPosition(fieldPos[field], file);
    numbers.push(at.line, at.column);
  }
  const at = ownPosition(pos, file);
  return { ...step, pos: [at.line, at.column], fieldPos: numbers } as StoredStep;
}

function stepsPartText(phase: Phase, steps: Step[], file: string): string {
  const shapes = new Map<string, number>();
  const paths: string[][] = [];
  const stored = steps.map((step) => storeStep(step, file, shapes, paths));
  return JSON.stringify([phase, paths, stored] satisfies StepsPart);
}

/**
 * A suite's parts as they are made, in any order of phases (a file may list teardown first): parts of steps, each
 * noted in the directory, then the head, last, once the suite's other parts are known. Throws when a step cannot be
 * stored exactly.
 */
export class SuitePartsBuilder {
  private readonly directory: [Array<[number, number]>, Array<[number, number]>, Array<[number, number]>] = [[], [], []];
  private parts = 0;

  constructor(private readonly file: string) {}

  /** The parts of these next steps of `phase` (at most STEPS_PER_PART each). */
  *steps(phase: Phase, steps: Step[]): Generator<string, void> {
    for (let i = 0; i < steps.length; i += STEPS_PER_PART) {
      const part = steps.slice(i, i + STEPS_PER_PART);
      const text = stepsPartText(phase, part, this.file);
      this.directory[PHASES.indexOf(phase)]!.push([this.parts++, part.length]);
      yield text;
    }
  }

  /** The last part: [the suite without its steps, the directory]. */
  head(suite: Suite): string {
    return encodePart([{ ...suite, setup: [], steps: [], teardown: [] }, this.directory], this.file);
  }
}

/** The suite as cached: its steps STEPS_PER_PART at a time, phase after phase, then its head. */
export function* suiteParts(suite: Suite, file: string): Generator<string, void> {
  const builder = new SuitePartsBuilder(file);
  for (const phase of PHASES) yield* builder.steps(phase, suite[phase]);
  yield builder.head(suite);
}

/** Whether the directory names every part of steps (all but the head) exactly once, each with a count. */
function isDirectory(value: unknown, steps: number): value is Directory {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const seen = new Set<number>();
  for (const phase of value as unknown[]) {
    if (!Array.isArray(phase)) return false;
    for (const entry of phase as unknown[]) {
      const [part, count] = Array.isArray(entry) ? (entry as unknown[]) : [];
      if (!Number.isSafeInteger(part) || !Number.isSafeInteger(count) || (count as number) < 0 || (part as number) < 0 || (part as number) >= steps || seen.has(part as number)) return false;
      seen.add(part as number);
    }
  }
  return seen.size === steps;
}

/** The head (the last part): the suite without its steps, and where each phase's steps are; throws when it is not that. */
function suiteHead(parts: OpenCacheParts, file: string): { suite: Suite; directory: Directory } {
  const [suite, directory] = decodePart(parts.part(parts.count - 1), file) as [Suite, unknown];
  if (typeof suite !== "object" || suite === null || !PHASES.every((phase) => Array.isArray(suite[phase]))) throw new Error("not a suite");
  if (!isDirectory(directory, parts.count - 1)) throw new Error("no directory of its parts");
  return { suite, directory };
}

/** A part of steps back as parse/ made them (positions compact, each path list shared); throws when it is not `count` steps of `phase`. */
function stepsPart(part: string, file: string, phase: Phase, count: number): Step[] {
  const [stored, paths, steps] = JSON.parse(part) as StepsPart;
  if (stored !== phase || !Array.isArray(paths) || !Array.isArray(steps) || steps.length !== count) throw new Error("not a part of this phase");
  for (const step of steps) {
    const [line, column] = step.pos;
    const [shape, ...pairs] = step.fieldPos;
    const fields = paths[shape!];
    if (!Array.isArray(fields) || pairs.length !== fields.length * 2) throw new Error("not a stored step");
    const built = step as unknown as Step;
    built.pos = { file, line, column };
    built.fieldPos = storedPositions(file, fields, pairs);
  }
  return steps as unknown as Step[];
}

/**
 * A cached suite back from its parts; throws when they are not what SuitePartsBuilder made. A suite past the budget
 * keeps `parts` open and reads its steps from them when they are used; one within it is read whole and `parts` closed.
 */
export function suiteFromParts(parts: OpenCacheParts, file: string, holdWhole: HoldWhole = heldStepsBudget()): Suite {
  const { suite, directory } = suiteHead(parts, file);
  const where = new Map<number, [Phase, number]>();
  directory.forEach((phaseParts, p) => phaseParts.forEach(([part, count]) => where.set(part, [PHASES[p]!, count])));
  const read = (index: number): Step[] => stepsPart(parts.part(index), file, ...where.get(index)!);
  const total = directory.reduce((n, phaseParts) => phaseParts.reduce((m, [, count]) => m + count, n), 0);
  if (!holdWhole(total)) {
    [suite.setup, suite.steps, suite.teardown] = storedPhases(directory, { read, close: parts.close });
    return suite;
  }
  try {
    directory.forEach((phaseParts, p) => {
      for (const [part] of phaseParts) suite[PHASES[p]!].push(...read(part));
    });
  } finally {
    parts.close();
  }
  return suite;
}
