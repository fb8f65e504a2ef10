import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { Diagnostic, RunHeader } from "../model";
import { DiagnosticError, makeDiagnostic } from "../diagnostics";
import { readResults } from "../gate";

/** One shard's results file, read as far as its header. */
export interface ShardInput {
  file: string;
  header: RunHeader;
  /** 1-based; a file without a shard in its header is shard 1 of 1 */
  index: number;
  total: number;
}

/** The shards of one run in shard order, or why the files given are not that. */
export type ShardSet = { shards: ShardInput[]; diagnostics: [] } | { shards?: undefined; diagnostics: Diagnostic[] };

/** How many bytes of a file's end hold its footer line (a footer is a few hundred bytes). */
const TAIL_BYTES = 4096;
const FOOTER_PREFIX = "],\"footer\":";

/**
 * Reads each file's header (and looks at its last line) to check that the files are every shard of one run, each
 * once: written by the same tool version, of the same plan (the header's planFingerprint), none cut short.
 * Nothing is merged until the whole set checks, so a refused merge writes nothing.
 */
export async function readShardSet(files: string[]): Promise<ShardSet> {
  const inputs: ShardInput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    try {
      const header = await readHeader(file);
      inputs.push({ file, header, index: header.shard?.index ?? 1, total: header.shard?.total ?? 1 });
      if (!endsWithFooter(file)) diagnostics.push(setProblem(file, `${file} was cut short (no footer line): its shard did not finish`, "re-run that shard, then merge again"));
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      diagnostics.push(...e.diagnostics);
    }
  }
  if (diagnostics.length === 0) diagnostics.push(...setProblems(inputs));
  if (diagnostics.length > 0) return { diagnostics };
  return { shards: [...inputs].sort((a, b) => a.index - b.index), diagnostics: [] };
}

/** What keeps the inputs from being one run's shards: another tool version, another plan, a shard count, a shard twice or missing. */
function setProblems(inputs: ShardInput[]): Diagnostic[] {
  const [first] = inputs;
  if (!first) return [];
  const problems: Diagnostic[] = [];
  for (const input of inputs.slice(1)) {
    const { header, file } = input;
    if (header.tool.version !== first.header.tool.version) {
      problems.push(setProblem(file, `${file} was written by conversation-contract ${header.tool.version}, ${first.file} by ${first.header.tool.version}`, "run every shard with the same version"));
    } else if (header.planFingerprint !== first.header.planFingerprint) {
      problems.push(setProblem(file, `${file} is a shard of another plan than ${first.file} (plan ${header.planFingerprint}, not ${first.header.planFingerprint})`,
        "every shard must run the same suites, regions and filters; merge the shards of one run only"));
    } else if (input.total !== first.total) {
      problems.push(setProblem(file, `${file} is shard ${input.index}/${input.total}, ${first.file} is shard ${first.index}/${first.total}`, "every shard must be of the same --shard I/N count"));
    } else if (header.shard?.assignment !== first.header.shard?.assignment) {
      problems.push(setProblem(file, `${file} and ${first.file} split the plan differently (another --shard-timings file, or none): a suite may have run twice or never`,
        "give every shard the same --shard-timings file"));
    }
  }
  if (problems.length > 0) return problems;
  const byIndex = new Map<number, ShardInput>();
  for (const input of inputs) {
    const twice = byIndex.get(input.index);
    if (twice) problems.push(setProblem(input.file, `shard ${input.index}/${input.total} is given twice: ${twice.file} and ${input.file}`, "give each shard's results.json once"));
    byIndex.set(input.index, input);
  }
  const missing = Array.from({ length: first.total }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    problems.push(setProblem(undefined, `shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${first.total}`).join(", ")} missing: ${inputs.length} of ${first.total} results files given`,
      "give the results.json of every shard (a shard that selected no suite still writes one)"));
  }
  return problems;
}

function setProblem(file: string | undefined, message: string, hint: string): Diagnostic {
  return makeDiagnostic("CC_SHARD_SET", message, file === undefined ? undefined : { file, line: 1, column: 1 }, hint);
}

async function readHeader(file: string): Promise<RunHeader> {
  const entries = readResults(file);
  try {
    const first = await entries.next();
    if (first.done || first.value.type !== "header") throw new Error(`${file}: no header`);
    return first.value.header;
  } finally {
    await entries.return(undefined);
  }
}

/** Whether the file's last line is a footer (a killed run's file has none). */
function endsWithFooter(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString("utf8").trimEnd();
    return text.slice(text.lastIndexOf("\n") + 1).startsWith(FOOTER_PREFIX);
  } finally {
    closeSync(fd);
  }
}
