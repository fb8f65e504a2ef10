import type { OperationEntry } from "../../load";
import { formatMark, readNameMarks } from "./marks";

/** A test that saw replies: its file, its full jest name and its marks as written (`docs: §4`). */
export interface ParityTest {
  file: string;
  name: string;
  marks: string[];
}

/** What the tests saw one operation answer with one status. */
export interface ObservedStatus {
  /** indices into ParityData.tests */
  tests: number[];
  /** the marks of those tests that bear on this reply (fixtures only when they hold this reply's schema), sorted */
  marks: string[];
}

/** parity-data.json: written by `npm run gen:parity`, read by `emulator --parity` and the README's generated sections. */
export interface ParityData {
  tests: ParityTest[];
  /** operation id -> status code -> what saw it */
  operations: Record<string, Record<string, ObservedStatus>>;
  /** what the emulator does not emulate: the bullets of src/emulator/SCOPE-NOTES.md */
  scope: string[];
}

/** One reply the harness recorded (see testing/recorder.ts). */
export interface ReplyRecord {
  file: string;
  test: string;
  operation: string;
  status: number;
}

/** What collecting needs besides the records. */
export interface ParityInputs {
  operations: Record<string, OperationEntry>;
  /** payload fixture file -> the schema it holds (src/contract/fixture-table.json) */
  fixtureSchemas: Record<string, string>;
  scope: string[];
}

/** The schema an operation's reply with this status is held to: the exact code, else its class. */
function replySchema(op: OperationEntry, status: number): string | undefined {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}xx`] ?? op.responses.default;
}

function bearsOn(mark: string, schema: string | undefined, fixtureSchemas: Record<string, string>): boolean {
  if (!mark.startsWith("fixture: ")) return true;
  const holds = fixtureSchemas[mark.slice("fixture: ".length)];
  return holds !== undefined && holds === schema;
}

function testIndex(records: ReplyRecord[]): { tests: ParityTest[]; indexOf: Map<string, number> } {
  const keys = [...new Set(records.map((r) => JSON.stringify([r.file, r.test])))].sort();
  const tests = keys.map((k) => {
    const [file, name] = JSON.parse(k) as [string, string];
    return { file, name, marks: readNameMarks(name).map(formatMark) };
  });
  return { tests, indexOf: new Map(keys.map((k, i) => [k, i])) };
}

/** Group the recorded replies by operation and status (replies of operations the contract lacks are left out). */
export function collectParityData(records: ReplyRecord[], inputs: ParityInputs): ParityData {
  const known = records.filter((r) => inputs.operations[r.operation]);
  const { tests, indexOf } = testIndex(known);
  const seen = new Map<string, Set<number>>();
  for (const r of known) {
    const key = JSON.stringify([r.operation, r.status]);
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)?.add(indexOf.get(JSON.stringify([r.file, r.test])) ?? -1);
  }
  const operations: ParityData["operations"] = {};
  for (const [key, set] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    const [operation, status] = JSON.parse(key) as [string, number];
    const schema = replySchema(inputs.operations[operation] as OperationEntry, status);
    const ids = [...set].sort((a, b) => a - b);
    const marks = [...new Set(ids.flatMap((i) => tests[i]?.marks ?? []))].filter((m) => bearsOn(m, schema, inputs.fixtureSchemas)).sort();
    (operations[operation] ??= {})[String(status)] = { tests: ids, marks };
  }
  return { tests, operations, scope: inputs.scope };
}
