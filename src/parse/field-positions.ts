import type { SourcePos } from "../model";

/** Line and column are kept as one number, line * COLUMNS + column; a position further right stays an object. */
const COLUMNS = 2 ** 22;

/** The field paths of one shape of step (most steps of a suite share a few), each list kept once per suite. */
export type PositionShapes = Map<string, readonly string[]>;

/** What a compact fieldPos holds: the suite's one file reference, the shared paths, and a number per path. */
interface Packed {
  file: string;
  paths: readonly string[];
  at: number[];
}

function positionAt(packed: Packed, key: string | symbol): SourcePos | undefined {
  const i = typeof key === "string" ? packed.paths.indexOf(key) : -1;
  if (i < 0) return undefined;
  const n = packed.at[i]!;
  return { file: packed.file, line: Math.floor(n / COLUMNS), column: n % COLUMNS };
}

/** A read-only record whose entries are made on each read from the packed numbers. */
const HANDLER: ProxyHandler<Packed> = {
  get: (packed, key) => positionAt(packed, key),
  has: (packed, key) => typeof key === "string" && packed.paths.includes(key),
  ownKeys: (packed) => [...packed.paths],
  getOwnPropertyDescriptor: (packed, key) => {
    const value = positionAt(packed, key);
    return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};

/**
 * The same positions in a fraction of the memory (a 100,000-step suite holds 18 of them per step): one shared list
 * of paths per shape of step and a number per position, instead of an object per position and a fresh key string
 * per path. Reads give the same {file, line, column} objects; keys, JSON and equality are those of the record.
 * A record with a position in another file or too far right is returned as it is.
 */
export function compactPositions(record: Record<string, SourcePos>, file: string, shapes: PositionShapes): Record<string, SourcePos> {
  const paths = Object.keys(record);
  const at: number[] = [];
  for (const path of paths) {
    const pos = record[path]!;
    if (pos.file !== file || pos.column >= COLUMNS || Object.keys(pos).length !== 3) return record;
    at.push(pos.line * COLUMNS + pos.column);
  }
  const shapeKey = paths.join("\n");
  let shared = shapes.get(shapeKey);
  if (shared === undefined) {
    shared = paths;
    shapes.set(shapeKey, shared);
  }
  return new Proxy<Packed>({ file, paths: shared, at }, HANDLER) as unknown as Record<string, SourcePos>;
}

/**
 * Compact positions from a list of paths (shared by the steps of a stored part) and a [line, column] pair per path,
 * as the start-up cache stores them; a plain record when a column is too far right to pack.
 */
export function storedPositions(file: string, paths: readonly string[], pairs: readonly number[]): Record<string, SourcePos> {
  const at: number[] = new Array<number>(paths.length);
  for (let i = 0; i < paths.length; i++) {
    const column = pairs[2 * i + 1]!;
    if (column >= COLUMNS) return Object.fromEntries(paths.map((path, k) => [path, { file, line: pairs[2 * k]!, column: pairs[2 * k + 1]! }]));
    at[i] = pairs[2 * i]! * COLUMNS + column;
  }
  return new Proxy<Packed>({ file, paths, at }, HANDLER) as unknown as Record<string, SourcePos>;
}
