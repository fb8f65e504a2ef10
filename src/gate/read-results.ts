import { open } from "node:fs/promises";
import { OLDEST_RESULTS_FORMAT_READ, RESULTS_FORMAT_VERSION, type RunFooter, type Shape, type RunHeader, type StepRecord, type SuiteRecord } from "../model";
import { DiagnosticError, makeDiagnostic } from "../diagnostics";
import { readLines } from "./read-lines";

/** One piece of a results file, in file order: the header, each suite record, then the end. */
export type ResultsEntry =
  | { type: "header"; header: RunHeader; file: string }
  | { type: "suite"; suite: SuiteRecord; line: number }
  | { type: "end"; footer?: RunFooter; truncated: boolean };

const HEAD = "{\"formatVersion\":";
const HEAD_END = ",\"suites\":[";
const FOOTER_PREFIX = "],\"footer\":";
/** Enough of the file to read the format version without reading a whole one-line v1 file. */
const SNIFF_BYTES = 256;

/**
 * Reads a results.json (v3, or v2) as a stream: header, suite records, end. Never holds more than one line. A file cut
 * short (no footer; maybe half a last line) ends with `truncated: true` after every complete record; anything
 * else that is not the v2 layout is a CC_NOT_RESULTS or CC_RESULTS_VERSION diagnostic with the file and line.
 */
export async function* readResults(file: string): AsyncGenerator<ResultsEntry> {
  await sniffVersion(file);
  const state: ReadState = { file, lineNo: 0, footer: undefined, pendingBad: undefined, shapes: [] };
  const lines = readLines(file);
  try {
    for (let next = await nextLine(lines, file); !next.done; next = await nextLine(lines, file)) {
      state.lineNo++;
      const entry = readLine(state, next.value);
      if (entry) yield entry;
    }
  } finally {
    await lines.return(undefined); // closes the file when reading stops early (a bad line, a consumer that stops)
  }
  if (state.lineNo === 0) throw notResults(state, 1, "the file is empty");
  yield { type: "end", footer: state.footer, truncated: state.footer === undefined };
}

interface ReadState {
  file: string;
  lineNo: number;
  footer?: RunFooter;
  /** a record line that did not parse: fine as the cut-off last line of a killed run, wrong anywhere else */
  pendingBad?: { line: number; reason: string };
  /** shapes by the id they were written with, for the steps that refer to them */
  shapes: Shape[];
}

function readLine(state: ReadState, text: string): ResultsEntry | undefined {
  if (state.lineNo === 1) return { type: "header", header: parseHeader(state, text), file: state.file };
  if (state.pendingBad) throw notResults(state, state.pendingBad.line, state.pendingBad.reason);
  if (state.footer) {
    if (text.trim() === "") return undefined;
    throw notResults(state, state.lineNo, "there is more after the footer line");
  }
  if (text.startsWith(FOOTER_PREFIX)) {
    state.footer = parseFooter(text);
    if (!state.footer) state.pendingBad = { line: state.lineNo, reason: "the footer line is not valid" };
    return undefined;
  }
  const body = text.startsWith(",") ? text.slice(1) : text;
  let suite: unknown;
  try {
    suite = JSON.parse(body);
  } catch {
    state.pendingBad = { line: state.lineNo, reason: "this line is not a suite record (not JSON)" };
    return undefined;
  }
  const problem = recordProblem(suite, state.shapes);
  if (problem) throw notResults(state, state.lineNo, `this line is not a suite record: ${problem}`);
  return { type: "suite", suite: suite as SuiteRecord, line: state.lineNo };
}

/** The next line; an I/O error on the way (the file went away, a disk error) is a diagnostic, not a stack trace. */
async function nextLine(lines: AsyncGenerator<string>, file: string): Promise<IteratorResult<string>> {
  try {
    return await lines.next();
  } catch (e) {
    throw new DiagnosticError(makeDiagnostic("CC_FILE_UNREADABLE", `${file} cannot be read: ${(e as Error).message}`, { file }));
  }
}

function parseHeader(state: ReadState, text: string): RunHeader {
  if (!text.startsWith(HEAD) || !text.endsWith(HEAD_END)) throw notResults(state, 1, "the first line is not the header of a results file");
  let doc: { formatVersion?: unknown; header?: unknown };
  try {
    doc = JSON.parse(`${text}]}`) as typeof doc;
  } catch {
    throw notResults(state, 1, "the header line is not valid JSON");
  }
  const header = doc.header as Partial<RunHeader> | undefined;
  if (!header || typeof header !== "object" || typeof header.startedAt !== "string" || !Array.isArray(header.regions)) {
    throw notResults(state, 1, "the header lacks startedAt or regions");
  }
  return header as RunHeader;
}

function parseFooter(text: string): RunFooter | undefined {
  if (!text.endsWith("}")) return undefined;
  try {
    const footer = JSON.parse(text.slice(FOOTER_PREFIX.length, -1)) as RunFooter | null;
    return footer && typeof footer === "object" && footer.totals ? footer : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with a parsed record line, checked only as far as the gate relies on it. Resolves the steps'
 * shape ids on the way (v3): a shape written in full with its id is kept for the later steps that refer to it.
 */
function recordProblem(value: unknown, shapes: Shape[]): string | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const suite = value as Partial<SuiteRecord>;
  if (typeof suite.key !== "string" || typeof suite.region !== "string") return "no key or region";
  if (!Array.isArray(suite.steps)) return "no steps";
  for (let i = 0; i < suite.steps.length; i++) {
    const problem = stepProblem(suite.steps[i] as WrittenStep | null, shapes);
    if (problem) return `step ${i + 1} ${problem}`;
  }
  return undefined;
}

/** A step as written: its shape may be the id of one written earlier, or carry the id it is given. */
type WrittenStep = Omit<Partial<StepRecord>, "shape"> & { shape?: unknown; shapeId?: unknown };

function stepProblem(step: WrittenStep | null, shapes: Shape[]): string | undefined {
  if (!step || typeof step !== "object") return "is not an object";
  if (typeof step.key !== "string" || typeof step.outcome !== "string" || typeof step.name !== "string") return "has no key, name or outcome";
  if (!Array.isArray(step.failures) || !Array.isArray(step.drift) || !Array.isArray(step.attempts)) return "has no failures, drift or attempts list";
  return step.shape === undefined ? undefined : shapeProblem(step, shapes);
}

/** Resolves a step's shape id, or keeps a shape written in full with its id; what is wrong with either. */
function shapeProblem(step: WrittenStep, shapes: Shape[]): string | undefined {
  const shape = step.shape;
  if (typeof shape === "number") {
    const known = shapes[shape];
    if (!known) return `refers to shape ${shape}, which no earlier step defined`;
    step.shape = known;
    return undefined;
  }
  if (typeof shape !== "object" || shape === null || Array.isArray(shape)) return "has a shape that is not an object";
  if (step.shapeId !== undefined) {
    if (!Number.isInteger(step.shapeId) || (step.shapeId as number) < 0) return "has a shapeId that is not a whole number";
    shapes[step.shapeId as number] = shape as Shape;
    delete step.shapeId;
  }
  return undefined;
}

/** Reads the start of the file to tell a v2 file from an older one (one line, maybe huge) before reading lines. */
async function sniffVersion(file: string): Promise<void> {
  const start = await readStart(file);
  const version = /^\s*\{\s*"formatVersion"\s*:\s*(\d+)/.exec(start)?.[1];
  const at = { file, line: 1, column: 1 };
  if (version === undefined) throw new DiagnosticError(makeDiagnostic("CC_NOT_RESULTS", `${file} is not a results file of conversation-contract`, at));
  if (Number(version) < OLDEST_RESULTS_FORMAT_READ || Number(version) > RESULTS_FORMAT_VERSION) {
    const hint = Number(version) < RESULTS_FORMAT_VERSION ? undefined : "this file was written by a newer conversation-contract; compare with that version";
    const read = `${OLDEST_RESULTS_FORMAT_READ} to ${RESULTS_FORMAT_VERSION}`;
    throw new DiagnosticError(makeDiagnostic("CC_RESULTS_VERSION", `${file} has results format version ${version}; this version reads versions ${read}`, at, hint));
  }
  if (!start.startsWith(HEAD)) throw notResults({ file }, 1, "the file was reformatted (one suite per line is needed to read it as a stream)");
}

async function readStart(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, "r");
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const diag = code === "ENOENT"
      ? makeDiagnostic("CC_FILE_NOT_FOUND", `${file} does not exist`, { file })
      : makeDiagnostic("CC_FILE_UNREADABLE", `${file} cannot be read: ${(e as Error).message}`, { file });
    throw new DiagnosticError(diag);
  } finally {
    await handle?.close();
  }
}

function notResults(state: { file: string }, line: number, reason: string): DiagnosticError {
  return new DiagnosticError(makeDiagnostic("CC_NOT_RESULTS", `${state.file} is not a results file: ${reason}`, { file: state.file, line, column: 1 }));
}
