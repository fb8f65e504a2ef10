import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Step, StepResult, Suite } from "../../model";
import type { Redactor } from "../../diagnostics";
import { failureLines } from "./failure-lines";
import { suiteSteps } from "../../vocabulary/suite-steps";

/** Lines of a suite file around what a failed step points at, redacted; line numbers are 1-based. */
export interface SourceExcerpt {
  /** index of the step in its suite record */
  step: number;
  file: string;
  /** number of the first line in `lines` */
  start: number;
  lines: string[];
  /** the lines the step's failures point at */
  marks: number[];
}

/** What reading excerpts needs: where suite paths are relative to, the run's redactor, and the parsed suite if still at hand. */
export interface ExcerptContext {
  cwd: string;
  redactor: Redactor;
  /** the suite's model (field positions find the failing expectation); without it the step's own line is marked */
  suite?: Suite;
}

const CONTEXT_LINES = 3;
const MAX_LINES = 40;

/** A failed or errored step and its place in its suite's record. */
export interface FailedStep {
  index: number;
  step: StepResult;
}


/** An excerpt for every failed or errored step of a finished suite (in the suite `file`); none when the file cannot be read any more. */
export function suiteExcerpts(file: string, bad: FailedStep[], ctx: ExcerptContext): SourceExcerpt[] {
  if (bad.length === 0) return [];
  const text = readSource(resolve(ctx.cwd, file));
  if (text === undefined) return [];
  const lines = text.split(/\r?\n/);
  const byStep = stepsByPhaseAndName(ctx.suite, new Set(bad.map(({ step }) => `${step.phase}/${step.name}`)));
  return bad.flatMap(({ index, step }) => {
    if (step.file !== file) return [];
    const marks = failureLines(step, byStep.get(`${step.phase}/${step.name}`)).filter((n) => n >= 1 && n <= lines.length);
    return marks.length > 0 ? [excerpt({ step: index, file, lines, marks }, ctx.redactor)] : [];
  });
}

function excerpt(at: { step: number; file: string; lines: string[]; marks: number[] }, redactor: Redactor): SourceExcerpt {
  const first = Math.max(1, Math.min(...at.marks) - CONTEXT_LINES);
  const last = Math.min(at.lines.length, Math.max(...at.marks) + CONTEXT_LINES, first + MAX_LINES - 1);
  const shown = at.lines.slice(first - 1, last).map((line) => redactor.redact(line));
  return { step: at.step, file: at.file, start: first, lines: shown, marks: at.marks.filter((n) => n <= last) };
}

/** The suite's steps that failed, by phase and name (a later step of the same name wins, as it always did). */
function stepsByPhaseAndName(suite: Suite | undefined, wanted: Set<string>): Map<string, Step> {
  const found = new Map<string, Step>();
  if (!suite) return found;
  for (const step of suiteSteps(suite)) {
    const key = `${step.phase}/${step.name}`;
    if (wanted.has(key)) found.set(key, step);
  }
  return found;
}

function readSource(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
