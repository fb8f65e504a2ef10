import { appendFileSync } from "node:fs";
import type { Diagnostic, GateReport } from "../model";
import { makeDiagnostic, type Redactor } from "../diagnostics";
import { buildGateJson, GATE_JSON } from "../report/gate-json";
import { GATE_JUNIT, writeGateJunit } from "../report/gate-junit";
import { buildGateMarkdown, GATE_MARKDOWN } from "../report/gate-markdown";
import { writeReportChunks, writeReportFile } from "../report";

/** Where the gate's outputs go. */
export interface GateOutputTarget {
  outDir: string;
  redactor: Redactor;
  /** $GITHUB_STEP_SUMMARY: gate.md is appended there too when it is set */
  stepSummary?: string;
}

/** What writing the gate's outputs gave: the files written and one diagnostic per output that could not be. */
export interface GateOutputsWritten {
  written: string[];
  failures: Diagnostic[];
}

/** Writes gate.json, gate.md and gate.xml (each on its own, so one failure loses no other), then the step summary. */
export function writeGateOutputs(report: GateReport, target: GateOutputTarget): GateOutputsWritten {
  const out: GateOutputsWritten = { written: [], failures: [] };
  const markdown = buildGateMarkdown(report, target.redactor);
  const files: Array<[string, () => string]> = [
    [GATE_JSON, () => writeReportFile(target.outDir, GATE_JSON, buildGateJson(report, target.redactor))],
    [GATE_MARKDOWN, () => writeReportFile(target.outDir, GATE_MARKDOWN, markdown)],
    [GATE_JUNIT, () => writeReportChunks(target.outDir, GATE_JUNIT, (write) => writeGateJunit(report, { redactor: target.redactor }, write))],
  ];
  for (const [name, write] of files) attempt(out, name, () => out.written.push(write()));
  const summary = target.stepSummary;
  if (summary) attempt(out, summary, () => appendFileSync(summary, `${markdown}\n`));
  return out;
}

function attempt(out: GateOutputsWritten, what: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    out.failures.push(makeDiagnostic("CC_REPORT_WRITE", `could not write ${what}: ${(e as Error).message}`, { file: what }));
  }
}
