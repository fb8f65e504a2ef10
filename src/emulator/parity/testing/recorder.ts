import { appendFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const ROOT = join(__dirname, "../../../..");

/** One reply a test saw: which operation answered with which status, in which test (its full jest name). */
export interface RecordedReply {
  file: string;
  test: string;
  operation: string;
  status: number;
}

/** Tests whose replies are deliberately not the emulator's: simulated API changes and a deliberately broken contract. */
const NOT_EVIDENCE = [/^src\/emulator\/changes\//, /^src\/emulator\/self-check\.test\.ts$/];

/**
 * With CC_PARITY_RECORD=DIR (set by `npm run gen:parity`), append the reply to DIR/<pid>.jsonl with the running test;
 * otherwise do nothing. Replies outside a test (beforeAll setup) are not a test's evidence and are left out.
 */
export function recordReply(operation: string | undefined, status: number): void {
  const dir = process.env.CC_PARITY_RECORD;
  if (!dir || !operation) return;
  const { currentTestName, testPath } = expect.getState();
  if (!currentTestName || !testPath) return;
  const file = relative(ROOT, testPath).split(sep).join("/");
  if (NOT_EVIDENCE.some((re) => re.test(file))) return;
  const record: RecordedReply = { file, test: currentTestName, operation, status };
  appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify(record)}\n`);
}
