import type { GateReport } from "../model";
import type { Redactor } from "../diagnostics";

/** Version of gate.json's layout, for the tools that read it. */
export const GATE_JSON_VERSION = 1;

/** File name of the gate's machine-readable report. */
export const GATE_JSON = "gate.json";

/**
 * gate.json: the verdict, counts, rules, both runs and every finding with its fingerprint (and acceptance),
 * plus the stale accept entries. The compared steps are left out: they are the two results files' business.
 */
export function buildGateJson(report: GateReport, redactor: Redactor): string {
  const { verdict, counts, rules, baseline, candidate, findings, stale } = report;
  const doc = { gateFormatVersion: GATE_JSON_VERSION, verdict, counts, rules, baseline, candidate, findings, stale };
  // the redactor knows secrets' JSON-escaped forms and "[REDACTED]" needs no escaping, so the text stays valid JSON
  return redactor.redact(JSON.stringify(doc, null, 2)) + "\n";
}
