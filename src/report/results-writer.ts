import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import { RESULTS_FORMAT_VERSION, type RunFooter, type RunHeader, type StepRecord, type SuiteRecord } from "../model";
import { DiagnosticError, makeDiagnostic, type Redactor } from "../diagnostics";

/*
 * results.json v3 (model/run-record.ts has the layout): a header line, one line per suite record, a footer line;
 * still one JSON document. Lines are written as suites finish, so memory does not grow with the run, and a
 * reader can take the file apart line by line. A record's JSON never holds a raw newline (JSON.stringify escapes it).
 * A shape is written in full once, with a `shapeId`; later steps with the same shape refer to it by that number.
 */

/**
 * A suite record whose steps were made, redacted and set aside (spooled) as they came, so a suite of 100,000 steps is
 * never held whole: the writer gives each step its shape's id and writes it as it is (redacted already).
 */
export interface SpooledRecord {
  /** the record's JSON up to its steps, redacted: `{"key":...,"steps":[` (spooledOpening) */
  opening: string;
  /** its steps in text cut anywhere: one line per step, the step's JSON without its shape, a tab, the shape's JSON or nothing (spooledStepLine) */
  steps: Iterable<string>;
}

/** Writes one run's results.json as a stream: records as they come, then the footer. */
export interface ResultsWriter {
  /** appends one suite record; resolves once the stream can take more (back-pressure) */
  write(record: SuiteRecord | SpooledRecord): Promise<void>;
  /** writes the footer and ends the stream */
  close(footer: RunFooter): Promise<void>;
}

/** A results writer over a file. */
export interface ResultsFile extends ResultsWriter {
  readonly path: string;
}

/** Options of a results writer. */
export interface ResultsWriterOptions {
  /** replaces secrets in every line (the redactor knows their JSON-escaped forms, so the JSON stays valid) */
  redactor?: Redactor;
}

const FOOTER_PREFIX = "],\"footer\":";

/** The first line: the format version, the header and the opening of the suites array. */
export function headerLine(header: RunHeader): string {
  return `{"formatVersion":${RESULTS_FORMAT_VERSION},"header":${JSON.stringify(header)},"suites":[\n`;
}

/** The last line: the end of the suites array, the footer and the end of the document. */
export function footerLine(footer: RunFooter): string {
  return `${FOOTER_PREFIX}${JSON.stringify(footer)}}\n`;
}

/** About how many characters of a record's line are made, redacted and written at a time. */
const PIECE_CHARS = 64 * 1024;

/**
 * A record's line (`separator`, JSON.stringify(record), newline) in pieces cut between steps: a suite of 100,000 steps
 * is never one string (nor two, its redacted copy). A secret or token cannot span a cut: it falls between "}" and ",{".
 */
function* recordLine(record: SuiteRecord, separator: string, shapes: ShapeIds): Generator<string> {
  const { steps, ...rest } = record;
  if (!Array.isArray(steps)) {
    yield `${separator}${JSON.stringify(record)}\n`;
    return;
  }
  let piece = separator + spooledOpening(rest);
  let first = true;
  for (const step of steps as StepRecord[]) {
    piece += (first ? "" : ",") + stepJson(step, shapes);
    first = false;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}]}\n`;
}

/** A record's JSON up to its steps' array, for a record whose steps come after: `{"key":...,"steps":[`. */
export function spooledOpening(head: object): string {
  return JSON.stringify({ ...head, steps: [] }).slice(0, -2); // it ended with "[]}"
}

/** One step of a spooled record, as SpooledRecord.steps holds it (the caller redacts it). */
export function spooledStepLine(step: StepRecord): string {
  if (!step.shape) return `${JSON.stringify(step)}\t\n`;
  const { shape, ...rest } = step;
  return `${JSON.stringify(rest)}\t${JSON.stringify(shape)}\n`;
}

function isSpooled(record: SuiteRecord | SpooledRecord): record is SpooledRecord {
  return typeof (record as SpooledRecord).opening === "string";
}

/** A spooled record's line in pieces: its opening, then its steps as they are read, each with its shape's id. */
function* spooledLine(record: SpooledRecord, separator: string, shapes: ShapeIds): Generator<string> {
  let piece = separator + record.opening;
  let first = true;
  let rest = "";
  for (const chunk of record.steps) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    for (const line of lines) {
      const tab = line.indexOf("\t");
      piece += (first ? "" : ",") + withShape(line.slice(0, tab), line.slice(tab + 1), shapes);
      first = false;
    }
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}]}\n`;
}

/** Distinct shapes given an id, at most this many: a run whose shapes all differ writes them in full. */
const MAX_SHAPE_IDS = 4096;

/** The ids of the shapes written so far in one file, by their JSON text. */
type ShapeIds = Map<string, number>;

/**
 * A step's JSON with its shape last: in full with a new `shapeId` the first time, as that id after. Most steps of
 * a run share a handful of shapes (one per operation and outcome), so this halves a large file and what reading
 * it costs.
 */
function stepJson(step: StepRecord, shapes: ShapeIds): string {
  if (!step.shape) return JSON.stringify(step);
  const { shape, ...rest } = step;
  return withShape(JSON.stringify(rest), JSON.stringify(shape), shapes);
}

/** A step's JSON `body` (without its shape) with the shape's JSON `text` added last, as stepJson says; no text: the body. */
function withShape(body: string, text: string, shapes: ShapeIds): string {
  if (!text) return body;
  const open = body.length > 2 ? `${body.slice(0, -1)},` : "{";
  const id = shapes.get(text);
  if (id !== undefined) return `${open}"shape":${id}}`;
  if (shapes.size >= MAX_SHAPE_IDS) return `${open}"shape":${text}}`;
  shapes.set(text, shapes.size);
  return `${open}"shape":${text},"shapeId":${shapes.size - 1}}`;
}

/** A results writer over any writable stream (a file, a socket, a test buffer). */
export function createResultsWriter(stream: Writable, header: RunHeader, opts: ResultsWriterOptions = {}): ResultsWriter {
  const redact = (text: string) => (opts.redactor ? opts.redactor.redact(text) : text);
  let failure: Error | undefined;
  let first = true;
  let closed = false;
  const shapes: ShapeIds = new Map();
  stream.on("error", (e: Error) => {
    failure ??= e;
  });
  stream.write(redact(headerLine(header)));

  const check = (): void => {
    if (failure) throw failure;
    if (closed) throw new Error("results writer already closed");
  };
  return {
    async write(record) {
      check();
      const separator = first ? "" : ",";
      first = false;
      // a spooled record's steps were redacted as they were spooled; only its opening is redacted here
      const spooled = isSpooled(record);
      const pieces = spooled ? spooledLine({ ...record, opening: redact(record.opening) }, separator, shapes) : recordLine(record, separator, shapes);
      for (const piece of pieces) {
        if (!stream.write(spooled ? piece : redact(piece))) await once(stream, "drain");
        check();
      }
    },
    async close(footer) {
      check();
      closed = true;
      stream.end(redact(footerLine(footer)));
      await finished(stream);
      if (failure) throw failure;
    },
  };
}

/**
 * Opens a results file for streaming, written in place as suites finish: a run that is killed leaves its header and
 * every record it got to, without the footer, which readResults reads as a run cut short.
 */
export async function openResultsFile(path: string, header: RunHeader, opts: ResultsWriterOptions = {}): Promise<ResultsFile> {
  const stream = await guard(path, async () => {
    await mkdir(dirname(path), { recursive: true });
    const s = createWriteStream(path);
    await once(s, "open");
    return s;
  });
  const writer = createResultsWriter(stream, header, opts);
  return {
    path,
    write: (record) => guard(path, () => writer.write(record)),
    close: (footer) => guard(path, () => writer.close(footer)),
  };
}

/** Runs a file operation, turning an I/O error into a CC_REPORT_WRITE diagnostic (no stack trace for a full disk). */
async function guard<T>(path: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof DiagnosticError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new DiagnosticError(makeDiagnostic("CC_REPORT_WRITE", `cannot write ${path}: ${reason}`, { file: path }));
  }
}
