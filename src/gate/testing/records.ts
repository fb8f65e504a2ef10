import { createWriteStream, mkdtempSync } from "node:fs";
import { finished } from "node:stream/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckFailure, DriftWarning, RunFooter, RunHeader, StepRecord, SuiteRecord } from "../../model";
import { fingerprintDrift, fingerprintFailures } from "../../diagnostics";
import { createResultsWriter, openResultsFile } from "../../report/results-writer";
import { stepKey } from "../../vocabulary/step-key";

/** A step as a test describes it: failures and drift without fingerprints (the builder adds them). */
export type StepSpec = Omit<Partial<StepRecord>, "failures" | "drift"> & {
  name: string;
  failures?: CheckFailure[];
  drift?: DriftWarning[];
};

/** A run header with defaults. */
export function runHeader(over: Partial<RunHeader> = {}): RunHeader {
  return {
    tool: { name: "conversation-contract", version: "0.0.0-test" },
    target: "emulator",
    regions: ["us"],
    apiVersion: "v1",
    strict: false,
    startedAt: "2026-01-02T03:04:05.000Z",
    planFingerprint: "0123456789ab",
    ...over,
  };
}

/** A run footer with defaults. */
export function runFooter(over: Partial<RunFooter> = {}): RunFooter {
  return {
    finishedAt: "2026-01-02T03:04:07.000Z",
    durationMs: 2000,
    totals: { suites: 0, steps: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0, drift: 0 },
    interrupted: false,
    ...over,
  };
}

/** A step record of a suite with defaults, its key and fingerprints computed as the runner does. */
export function stepRecord(suite: { key: string; file: string }, spec: StepSpec): StepRecord {
  const phase = spec.phase ?? "steps";
  const key = spec.key ?? stepKey(suite.key, phase, spec.name);
  const failures = fingerprintFailures(key, spec.failures ?? []);
  const outcome = spec.outcome ?? (failures.length > 0 ? "failed" : "passed");
  const status = "status" in spec ? spec.status : 200;
  return {
    phase,
    file: suite.file,
    line: 10,
    column: 5,
    request: "Contacts/Get contact",
    durationMs: 40,
    attempts: [{ ...(status !== undefined ? { status } : {}), durationMs: 40 }],
    flaky: false,
    operationId: "Contacts/Get contact",
    method: "GET",
    pathTemplate: "/v1/projects/{project_id}/contacts/{contact_id}",
    ...(status !== undefined ? { status } : {}),
    ...spec,
    key,
    outcome,
    failures,
    drift: fingerprintDrift(key, spec.drift ?? []),
  };
}

/** A suite record in a region holding the given steps. */
export function suiteRecord(suiteId: string, region: string, steps: StepSpec[], over: Partial<SuiteRecord> = {}): SuiteRecord {
  const key = `${suiteId}@${region}`;
  const file = over.file ?? `suites/${suiteId}.yaml`;
  const records = steps.map((s) => stepRecord({ key, file }, s));
  const bad = records.some((s) => s.outcome === "failed" || s.outcome === "error");
  return {
    key, suiteId, name: suiteId, file, region, tags: [],
    outcome: bad ? "failed" : "passed",
    startedAt: "2026-01-02T03:04:05.100Z",
    durationMs: 100,
    steps: records,
    ...over,
  };
}

/** Options of writeResults. */
export interface WriteResultsOptions {
  header?: Partial<RunHeader>;
  /** leave the footer out, like a killed run */
  truncated?: boolean;
}

/** A fresh temporary directory for a test's files. */
export function tempDir(prefix = "cc-gate-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a results file with the real writer; returns its path. */
export async function writeResults(path: string, suites: SuiteRecord[], opts: WriteResultsOptions = {}): Promise<string> {
  if (opts.truncated) return writeCutShort(path, suites, opts);
  const file = await openResultsFile(path, runHeader(opts.header));
  for (const suite of suites) await file.write(suite);
  await file.close(runFooter());
  return path;
}

/** What a killed run leaves: the header and the records the writer got to, no footer. */
async function writeCutShort(path: string, suites: SuiteRecord[], opts: WriteResultsOptions): Promise<string> {
  const stream = createWriteStream(path);
  const writer = createResultsWriter(stream, runHeader(opts.header));
  for (const suite of suites) await writer.write(suite);
  stream.end();
  await finished(stream);
  return path;
}
