import { existsSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GateResult, SuiteRecord } from "../model";
import type { DiagnosticError } from "../diagnostics";
import type { StepSpec } from "./testing/records";
import { suiteRecord, tempDir, writeResults } from "./testing/records";
import { compareFiles } from "./compare-files";

/*
 * The split comparison runs its second part in a worker thread, which needs the compiled worker: these tests use
 * the build in dist/ (npm test builds first) and compare its answers with the one-thread comparison of src/.
 */
const BUILT = join(__dirname, "..", "..", "dist", "gate", "compare-files.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = (): typeof import("./compare-files") => require(BUILT) as typeof import("./compare-files");

const shape = { $: "object", "$.id": "string", "$.display_name": "string", "$.email": "string?" };
const steps = (n: number, over: (i: number) => Partial<StepSpec> = () => ({})): StepSpec[] =>
  Array.from({ length: n }, (_, i) => ({ name: `step ${i}`, shape, operationId: `Op/${i % 5}`, ...over(i) }));

/** Two runs that differ in every way the gate knows, spread over many suites so that both parts have some. */
function runs(): { baseline: SuiteRecord[]; candidate: SuiteRecord[] } {
  const baseline: SuiteRecord[] = [];
  const candidate: SuiteRecord[] = [];
  for (let s = 0; s < 40; s++) {
    const region = ["us", "eu", "br"][s % 3]!;
    baseline.push(suiteRecord(`suite-${s}`, region, steps(6)));
    if (region === "br" || s === 7) continue; // region br and suite-7@eu are missing
    candidate.push(suiteRecord(`suite-${s}`, region, steps(s === 4 ? 5 : 6, (i) => ({
      ...(s % 5 === 1 && i === 2 ? { status: 404 } : {}),
      ...(s % 5 === 2 && i === 3 ? { shape: { $: "object", "$.id": "string", "$.email": "string?" } } : {}),
      ...(s % 5 === 3 && i === 1 ? { shape: { ...shape, "$.nickname": "string" } } : {}),
      ...(s % 7 === 0 && i === 0 ? { failures: [{ kind: "status", message: "status 500" }] } : {}),
      ...(i === 4 ? { attempts: [{ status: 200, durationMs: 400 }] } : {}),
    }))));
  }
  candidate.push(suiteRecord("suite-new", "us", steps(2)), suiteRecord("suite-0", "au", steps(2)));
  return { baseline, candidate: candidate.reverse() };
}

async function written(): Promise<{ baseline: string; candidate: string }> {
  const dir = tempDir();
  const { baseline, candidate } = runs();
  return { baseline: await writeResults(join(dir, "baseline.json"), baseline), candidate: await writeResults(join(dir, "candidate.json"), candidate) };
}

const classes = (r: GateResult) => [...new Set(r.findings.map((f) => f.class))].sort();

describe("compareFiles", () => {
  it("gives in two threads exactly what one thread gives: findings, their order, compared suites and summaries", async () => {
    expect(existsSync(BUILT)).toBe(true);
    const files = await written();
    const split: number[] = [];
    const serial = await compareFiles(files.baseline, files.candidate, { onSplit: (n) => split.push(n) });
    const parallel = await built().compareFiles(files.baseline, files.candidate, { parallelFromBytes: 0, onSplit: (n) => split.push(n) });
    expect(split).toEqual([1, 2]);
    expect(classes(serial)).toEqual([
      "field-added", "field-gone", "region-added", "region-missing", "slower", "status-changed", "step-missing", "step-now-fails", "suite-added", "suite-missing",
    ]);
    expect(JSON.parse(JSON.stringify(parallel))).toEqual(JSON.parse(JSON.stringify(serial)));
  });

  it("says in two threads what is wrong with a file, as one thread does", async () => {
    const files = await written();
    const lines = readFileSync(files.candidate, "utf8").split("\n");
    lines[5] = lines[5]!.replace('"drift":[]', '"drift":{}');
    writeFileSync(files.candidate, lines.join("\n"));
    const problem = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (e) {
        if (e instanceof Error && "diagnostics" in e) return (e as DiagnosticError).diagnostics[0];
        throw e;
      }
      throw new Error("expected a diagnostic");
    };
    const serial = await problem(() => compareFiles(files.baseline, files.candidate));
    expect(serial).toMatchObject({ code: "CC_NOT_RESULTS", line: 6 });
    expect(await problem(() => built().compareFiles(files.baseline, files.candidate, { parallelFromBytes: 0 }))).toEqual(serial);
  });
});
