import type { ComparedSuite, GateFinding, GateReport } from "../model";
import type { Redactor } from "../diagnostics";
import { acceptanceText, runText, subjectOf, whereOf } from "./gate-text";
import { attrs, element, escapeAttr, escapeText } from "./xml-writer";
import { stepLabelOfKey } from "../vocabulary/step-key";

/** File name of the gate's JUnit report. */
export const GATE_JUNIT = "gate.xml";

/** Context of the gate's JUnit builder. */
export interface GateJunitOptions {
  redactor: Redactor;
  hostname?: string;
}

/*
 * The gate as CI systems show tests (shape forced by reference/junit/JUnit.xsd, see junit-xml.ts):
 * - a testsuite per compared suite, a testcase per compared step (classname = suite key, name = step);
 *   a step with a failing finding has a `failure` listing them; accepted, changed and improved are noted in
 *   the suite's system-out (a testcase may hold nothing but one skipped|error|failure);
 * - a suite-level finding (suite missing or new) is a testcase "(suite)" of that suite;
 * - findings about regions and operations, and the --min-steps rule, are testcases of a last testsuite "gate".
 * Warn-only does not hide failures: the report stays true, the exit code is what warn-only changes.
 */

/** Values shared while building one document. */
interface BuildContext {
  redact: (text: string) => string;
  hostname: string;
  timestamp: string;
  byStep: Map<string, GateFinding[]>;
  bySuite: Map<string, GateFinding[]>;
  /** classname attribute values by suite key */
  classnames: Map<string, string>;
}

/** The gate's JUnit document. */
export function buildGateJunit(report: GateReport, opts: GateJunitOptions): string {
  const parts: string[] = [];
  writeGateJunit(report, opts, (chunk) => parts.push(chunk));
  return parts.join("");
}

/** The gate's JUnit document, a testsuite at a time (a 100,000-step comparison is never one string). */
export function writeGateJunit(report: GateReport, opts: GateJunitOptions, write: (chunk: string) => void): void {
  const ctx = buildContext(report, opts);
  write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n');
  report.compared.forEach((suite, id) => write(suiteXml(ctx, suite, id)));
  write(gateSuiteXml(ctx, report, report.compared.length));
  write("</testsuites>\n");
}

function buildContext(report: GateReport, opts: GateJunitOptions): BuildContext {
  const byStep = new Map<string, GateFinding[]>();
  const bySuite = new Map<string, GateFinding[]>();
  for (const f of report.findings) {
    const key = f.kind === "step" ? f.stepKey : f.kind === "suite" ? f.suiteKey : undefined;
    if (key === undefined) continue;
    const map = f.kind === "step" ? byStep : bySuite;
    const list = map.get(key) ?? [];
    list.push(f);
    map.set(key, list);
  }
  const startedAt = report.candidate.startedAt || report.baseline.startedAt;
  const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(startedAt) ? startedAt.slice(0, 19) : "1970-01-01T00:00:00";
  return { redact: (t) => opts.redactor.redact(t), hostname: opts.hostname || "localhost", timestamp, byStep, bySuite, classnames: new Map() };
}

interface Case {
  name: string;
  /** the name redacted, when it was redacted with the others of its suite */
  redactedName?: string;
  classname: string;
  findings: GateFinding[];
}

const NO_FINDINGS: GateFinding[] = [];

function suiteXml(ctx: BuildContext, suite: ComparedSuite, id: number): string {
  const cases: Case[] = [];
  const suiteFindings = ctx.bySuite.get(suite.key) ?? [];
  if (suiteFindings.length > 0) cases.push({ name: "(suite)", classname: suite.key, findings: suiteFindings });
  const labels = suite.steps.map((key) => stepLabelOfKey(suite.key, key));
  const redacted = redactAll(ctx, labels);
  labels.forEach((name, i) => cases.push({ name, redactedName: redacted[i], classname: suite.key, findings: ctx.byStep.get(suite.steps[i]!) ?? NO_FINDINGS }));
  const properties: Array<[string, string]> = [["suite", suite.key]];
  if (suite.file) properties.push(["file", suite.file]);
  return testsuiteXml(ctx, { name: suite.key, pkg: `conversation-contract.gate.${suite.key}`, id, properties, cases });
}

function gateSuiteXml(ctx: BuildContext, report: GateReport, id: number): string {
  const cases: Case[] = [];
  for (const f of report.findings) {
    if (f.kind === "region" || f.kind === "operation") cases.push({ name: `${f.class} ${subjectOf(f)}`, classname: "gate", findings: [f] });
  }
  const properties: Array<[string, string]> = [["baseline", runText(report.baseline)], ["candidate", runText(report.candidate)], ["verdict", report.verdict.summary]];
  const minSteps = report.rules.minSteps > 0 ? minStepsCase(report) : undefined;
  return testsuiteXml(ctx, { name: "regression gate", pkg: "conversation-contract.gate", id, properties, cases, extra: minSteps });
}

function minStepsCase(report: GateReport): string {
  const ran = report.candidate.stepsRun;
  const open = attrs({ name: `min-steps ${report.rules.minSteps}`, classname: "gate", time: "0" });
  if (ran >= report.rules.minSteps) return `    <testcase${open}/>\n`;
  const message = `only ${ran} steps ran, fewer than --min-steps ${report.rules.minSteps}`;
  return `    <testcase${open}>\n${element("      ", "failure", { message, type: "min-steps" }, message)}    </testcase>\n`;
}

interface SuiteSpec {
  name: string;
  pkg: string;
  id: number;
  properties: Array<[string, string]>;
  cases: Case[];
  /** a testcase written as is, after the others */
  extra?: string;
}

function testsuiteXml(ctx: BuildContext, spec: SuiteSpec): string {
  const failing = spec.cases.filter((c) => c.findings.some((f) => f.failing)).length + (spec.extra?.includes("<failure") ? 1 : 0);
  const head = attrs({
    name: ctx.redact(spec.name),
    tests: String(spec.cases.length + (spec.extra ? 1 : 0)),
    failures: String(failing),
    errors: "0",
    skipped: "0",
    time: "0",
    timestamp: ctx.timestamp,
    hostname: ctx.hostname,
    id: String(spec.id),
    package: ctx.redact(spec.pkg),
  });
  const parts = [`  <testsuite${head}>\n`, "    <properties>\n"];
  for (const [name, value] of spec.properties) parts.push(element("      ", "property", { name, value: ctx.redact(value) }));
  parts.push("    </properties>\n");
  for (const c of spec.cases) parts.push(caseXml(ctx, c));
  if (spec.extra) parts.push(spec.extra);
  const notes = spec.cases.flatMap((c) => c.findings.filter((f) => !f.failing).map((f) => `[${c.name}] ${noteOf(f)}`));
  parts.push(notes.length > 0 ? `    <system-out>${escapeText(ctx.redact(notes.join("\n") + "\n"))}</system-out>\n` : "    <system-out/>\n");
  parts.push("    <system-err/>\n", "  </testsuite>\n");
  return parts.join("");
}

function caseXml(ctx: BuildContext, c: Case): string {
  const open = ` name="${escapeAttr(c.redactedName ?? ctx.redact(c.name))}" classname="${classnameAttr(ctx, c.classname)}" time="0"`;
  const failing = c.findings.filter((f) => f.failing);
  if (failing.length === 0) return `    <testcase${open}/>\n`;
  const first = failing[0]!.message;
  const message = failing.length > 1 ? `${first} (and ${failing.length - 1} more)` : first;
  const type = [...new Set(failing.map((f) => f.class))].join(",");
  const body = failing.map(failureText).join("\n");
  return `    <testcase${open}>\n${element("      ", "failure", { message: ctx.redact(message), type }, ctx.redact(body))}    </testcase>\n`;
}

/**
 * Step names redacted as one text, a name per line (a redaction call per step was most of the time of a
 * 100,000-step gate.xml). Every pattern of the redactor then sees a name as it sees it alone: keyed values stop at
 * a line end and start after one as at the start of a text. Not so "Bearer"/"Basic" at a name's end (the
 * credential it announces may follow after white space), nor a name with a line break: then, as when a secret
 * matched across a line end, every name is redacted on its own.
 */
function redactAll(ctx: BuildContext, names: string[]): Array<string | undefined> {
  if (names.some((n) => n.includes("\n") || AUTH_SCHEME_AT_END.test(n))) return [];
  const redacted = ctx.redact(names.join("\n")).split("\n");
  return redacted.length === names.length ? redacted : [];
}

const AUTH_SCHEME_AT_END = /(?:basic|bearer)\s*$/i;

/** A suite's key as an attribute value, redacted and escaped once for all of its steps. */
function classnameAttr(ctx: BuildContext, classname: string): string {
  let attr = ctx.classnames.get(classname);
  if (attr === undefined) ctx.classnames.set(classname, (attr = escapeAttr(ctx.redact(classname))));
  return attr;
}

function failureText(f: GateFinding): string {
  const lines = [`${f.class}${f.path ? ` ${f.path}` : ""}: ${f.message}`];
  const where = whereOf(f);
  lines.push(`${where ? `${where}  ` : ""}fingerprint ${f.fingerprint}`);
  const acceptance = acceptanceText(f);
  if (acceptance) lines.push(acceptance);
  return lines.join("\n");
}

function noteOf(f: GateFinding): string {
  const acceptance = acceptanceText(f);
  return `${f.severity} ${f.class}${f.path ? ` ${f.path}` : ""}: ${f.message} (fingerprint ${f.fingerprint})${acceptance ? `; ${acceptance}` : ""}`;
}
