import type { OperationEntry } from "../../load";
import type { ParityData } from "./data";
import { operationGaps } from "./gaps";

/** One status of an operation: how many tests saw it and where their expected behaviour comes from; 0 tests: a gap. */
export interface ParityRow {
  status: string;
  tests: number;
  marks: string[];
}

/** The parity table of one operation. */
export interface ParityOperation {
  id: string;
  method: string;
  host: string;
  path: string;
  rows: ParityRow[];
  gaps: string[];
}

/** The statuses the contract declares ("200", "4xx", "5xx") that no observed status falls under. */
function unseenDeclared(declared: string[], seen: string[]): string[] {
  return declared.filter((key) => !seen.some((status) => status === key || (key.endsWith("xx") && status[0] === key[0])));
}

/** The table per operation of the contract, in its order: what the tests saw, then what they never saw. */
export function parityTable(data: ParityData, operations: Record<string, OperationEntry>): ParityOperation[] {
  return Object.entries(operations).map(([id, op]) => {
    const observed = data.operations[id] ?? {};
    const seen = Object.keys(observed).sort();
    const rows: ParityRow[] = seen.map((status) => ({ status, tests: observed[status]?.tests.length ?? 0, marks: observed[status]?.marks ?? [] }));
    for (const status of unseenDeclared(Object.keys(op.responses), seen)) rows.push({ status, tests: 0, marks: [] });
    return { id, method: op.method, host: op.host, path: op.path, rows, gaps: operationGaps(id) };
  });
}

/** `fixture: a.json, b.json · docs: §3, §4 · emulator-only`: a row's marks grouped by kind. */
export function summarizeMarks(marks: string[]): string {
  const byKind = new Map<string, string[]>();
  for (const mark of marks) {
    const colon = mark.indexOf(": ");
    const kind = colon < 0 ? mark : mark.slice(0, colon);
    if (!byKind.has(kind)) byKind.set(kind, []);
    if (colon >= 0) byKind.get(kind)?.push(mark.slice(colon + 2));
  }
  return [...byKind].map(([kind, refs]) => (refs.length ? `${kind}: ${refs.join(", ")}` : kind)).join(" · ");
}

/** Counts over the whole table, for its heading line. */
export function paritySummary(table: ParityOperation[]): { operations: number; statuses: number; unseen: number; emulatorOnly: number } {
  const rows = table.flatMap((op) => op.rows);
  return {
    operations: table.length,
    statuses: rows.filter((r) => r.tests > 0).length,
    unseen: rows.filter((r) => r.tests === 0).length,
    emulatorOnly: rows.filter((r) => r.tests > 0 && r.marks.every((m) => m === "emulator-only")).length,
  };
}
