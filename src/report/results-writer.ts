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
 * A suite record whose steps are made one at a time as they are written: a suite of 100,000 steps is never copied
 * whole into records. `head` holds the record's keys but steps, in the record's order.
 */
export interface StreamedRecord {
  head: Omit<SuiteRecord, "steps">;
  steps(): Iterable<StepRecord>;
}

/** Writes one run's results.json as a stream: records as they come, then the footer. */
export interface ResultsWriter {
  /** appends one suite record; resolves once the stream can take more (back-pressure) */
  write(record: SuiteRecord | StreamedRecord): Promise<void>;
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
function* recordLine(record: SuiteRecord | StreamedRecord, separator: string, shapes?: ShapeIds): Generator<string> {
  if (isStreamed(record)) return yield* stepsLine(record.head, record.steps(), separator, shapes);
  const { steps, ...rest } = record;
  if (!Array.isArray(steps)) {
    yield `${separator}${JSON.stringify(record)}\n`;
    return;
  }
  yield* stepsLine(rest, steps as StepRecord[], separator, shapes);
}

/**
 * A record's JSON text (what JSON.stringify gives, every shape in full), in pieces cut between steps: for a report
 * that embeds the record (report.html) without making it one string. Redacting each piece redacts the whole, as in
 * recordLine.
 */
export function* recordJsonPieces(record: SuiteRecord | StreamedRecord): Generator<string> {
  let held: string | undefined;
  for (const piece of recordLine(record, "")) {
    if (held !== undefined) yield held;
    held = piece;
  }
  if (held !== undefined) yield held.slice(0, -1); // the line's newline
}

function isStreamed(record: SuiteRecord | StreamedRecord): record is StreamedRecord {
  return typeof (record as StreamedRecord).steps === "function";
}

/** `shapes`: the ids of the shapes this file has written (results.json); without, every shape is written in full. */
function* stepsLine(rest: object, steps: Iterable<StepRecord>, separator: string, shapes?: ShapeIds): Generator<string> {
  const head = JSON.stringify({ ...rest, steps: [] }); // ends with "[]}"
  let piece = separator + head.slice(0, -2);
  let first = true;
  for (const step of steps) {
    piece += (first ? "" : ",") + (shapes ? stepJson(step, shapes) : JSON.stringify(step) ?? "null");
    first = false;
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
  const text = JSON.stringify(shape);
  const body = JSON.stringify(rest);
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
      for (const piece of recordLine(record, separator, shapes)) {
        if (!stream.write(redact(piece))) await once(stream, "drain");
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
