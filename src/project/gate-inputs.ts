import { closeSync, openSync, readSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { Diagnostic, RunHeader } from "../model";
import type { Config } from "../config";
import { DiagnosticError, makeDiagnostic } from "../diagnostics";
import { checkAcceptFile, readResults } from "../gate";
import { JSON_REPORT } from "../report";
import { acceptFileOf, inCwd } from "./gate-settings";
import { shownPath, withShownPaths } from "./shown-paths";

/**
 * What `run --baseline` can check before the run starts, so bad gate input costs no run: the JSON reporter is on,
 * the baseline is not the file the run is about to write, the baseline reads as a results file, the accept file is valid.
 */
export async function gateInputProblems(config: Config, baseline: string): Promise<Diagnostic[]> {
  if (!config.reporter.includes("json")) {
    return [makeDiagnostic("CC_BAD_OPTION", "--baseline compares this run's results.json, but --reporter leaves out json", undefined, `add json: --reporter ${[...config.reporter, "json"].join(",")}`)];
  }
  if (baseline === join(inCwd(config, config.out), JSON_REPORT)) {
    return [makeDiagnostic("CC_BAD_OPTION", `--baseline ${shownPath(baseline, config.cwd)} is the results.json this run is about to write`, undefined,
      "keep baselines outside --out (copy it, e.g. to baseline/results.json), or give the run another --out")];
  }
  const problems = await resultsHeaderProblems(baseline);
  const accept = acceptFileOf(config);
  if (accept !== undefined) problems.push(...(await checkAcceptFile(accept)));
  return withShownPaths(problems, config.cwd);
}

/** For diagnostics about results files: their first line, cut short, so a code frame never quotes a record or reads a large file. */
export function resultsSources(diagnostics: Diagnostic[], cwd: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const d of diagnostics) {
    const isResults = d.code === "CC_NOT_RESULTS" || d.code === "CC_RESULTS_VERSION";
    if (isResults && d.file !== undefined) sources.set(d.file, firstLine(isAbsolute(d.file) ? d.file : resolve(cwd, d.file)));
  }
  return sources;
}

const FRAME_BYTES = 160;

function firstLine(file: string): string {
  try {
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(FRAME_BYTES);
      const text = buffer.subarray(0, readSync(fd, buffer, 0, FRAME_BYTES, 0)).toString("utf8");
      const end = text.indexOf("\n");
      return end >= 0 ? text.slice(0, end) : `${text}…`;
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

async function resultsHeaderProblems(file: string): Promise<Diagnostic[]> {
  try {
    await readResultsHeader(file);
    return [];
  } catch (e) {
    if (e instanceof DiagnosticError) return [...e.diagnostics];
    throw e;
  }
}

/** The header of a results file, reading no further than its first line; a file that is not one throws its diagnostic. */
export async function readResultsHeader(file: string): Promise<RunHeader> {
  const entries = readResults(file);
  try {
    const first = await entries.next();
    if (first.done || first.value.type !== "header") throw new Error(`${file}: no header`);
    return first.value.header;
  } finally {
    await entries.return(undefined);
  }
}
