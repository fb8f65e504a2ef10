import type { Diagnostic, GateReport } from "../model";
import type { Config } from "../config";
import { DiagnosticError, makeDiagnostic, type Redactor } from "../diagnostics";
import { gateFiles } from "../gate";
import type { ConsoleOutput } from "../report";
import { formatGateConsole } from "../report/gate-console";
import { createStyle } from "../report/style";
import { redactDiagnostic } from "./diagnostic-sink";
import { writeGateOutputs } from "./gate-outputs";
import { resultsSources } from "./gate-inputs";
import { acceptFileOf, gateJudgement, gateRedactor, inCwd } from "./gate-settings";
import { shownPath, withShownPaths } from "./shown-paths";
import type { ProjectStatus } from "./verdict";

/** What `compare` needs: the resolved config (BASELINE and CANDIDATE are its positionals), the environment, the console. */
export interface CompareProjectOptions {
  config: Config;
  env: Record<string, string | undefined>;
  /** where the gate's summary is printed */
  console?: ConsoleOutput;
  /** today, for the accept file's `until` (tests pin it) */
  now?: Date;
}

/** How a gate ended: passed (exit 0), failed (1), invalid input (2), an output lost (3); it never prints but to `console`. */
export interface GateOutcome {
  status: ProjectStatus;
  /** absent when the input was invalid */
  report?: GateReport;
  /** gate.json, gate.md, gate.xml, relative to config.cwd when inside it */
  written: string[];
  diagnostics: Diagnostic[];
  /** the text code frames may quote: a results file's first line only (its records are long, the file large) */
  sources?: Map<string, string>;
}

/** Two results files to gate, as absolute paths. */
export interface GatePair {
  baseline: string;
  candidate: string;
}

/** `compare BASELINE CANDIDATE`: the regression gate over two results.json files. */
export async function compareProject(options: CompareProjectOptions): Promise<GateOutcome> {
  const { config } = options;
  const [baseline, candidate, ...more] = config.suites;
  if (baseline === undefined || candidate === undefined || more.length > 0) {
    const given = config.suites.length === 0 ? "none" : config.suites.join(" ");
    const problem = makeDiagnostic("CC_BAD_OPTION", `compare takes two results files, BASELINE and CANDIDATE (given: ${given})`, undefined,
      "e.g. conversation-contract compare reports/v1beta/results.json reports/v1/results.json");
    return { status: "invalid", written: [], diagnostics: [problem] };
  }
  return gateRuns({ baseline: inCwd(config, baseline), candidate: inCwd(config, candidate) }, options);
}

/**
 * The gate over two results files: compared as streams, the accept file and the rules applied, gate.json, gate.md
 * and gate.xml written to --out (gate.md appended to $GITHUB_STEP_SUMMARY when set), the summary printed.
 * Files that are not results files, or an invalid accept file, come back as status "invalid" with the diagnostics.
 */
export async function gateRuns(pair: GatePair, options: CompareProjectOptions): Promise<GateOutcome> {
  const { config, env } = options;
  const redactor = gateRedactor(config, env);
  let report: GateReport;
  try {
    report = await gateFiles({ ...pair, acceptFile: acceptFileOf(config), ...gateJudgement(config), now: options.now });
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    const diagnostics = withShownPaths(e.diagnostics.map((d) => redactDiagnostic(d, redactor)), config.cwd);
    return { status: "invalid", written: [], diagnostics, sources: resultsSources(diagnostics, config.cwd) };
  }
  report = withShownFiles(report, config.cwd);
  const outDir = inCwd(config, config.out);
  const { written, failures } = writeGateOutputs(report, { outDir, redactor, stepSummary: env.GITHUB_STEP_SUMMARY || undefined });
  const shown = written.map((path) => shownPath(path, config.cwd));
  options.console?.write(consoleText(report, redactor, options.console.color, shown));
  const status: ProjectStatus = failures.length > 0 ? "could-not-run" : report.verdict.passed ? "passed" : "failed";
  return { status, report, written: shown, diagnostics: failures.map((d) => redactDiagnostic(d, redactor)) };
}

function consoleText(report: GateReport, redactor: Redactor, color: boolean, written: string[]): string {
  const text = formatGateConsole(report, { redactor, style: createStyle(color) });
  return written.length > 0 ? `${text}Gate reports: ${written.join(", ")}\n` : text;
}

/** The report with the files of both runs and of the accept file as the user named them (relative to cwd when inside it). */
function withShownFiles(report: GateReport, cwd: string): GateReport {
  const show = <T extends { file?: string }>(item: T): T => (item.file === undefined ? item : { ...item, file: shownPath(item.file, cwd) });
  return {
    ...report, baseline: show(report.baseline), candidate: show(report.candidate), stale: report.stale.map(show),
    findings: report.findings.map((f) => (f.acceptance ? { ...f, acceptance: show(f.acceptance) } : f)),
  };
}
