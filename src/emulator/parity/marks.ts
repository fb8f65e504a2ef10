import { PARITY_SOURCES, type ParitySource } from "../../vocabulary/parity-sources";

/** One mark: where a test's expected behaviour comes from. */
export interface ParityMark {
  source: ParitySource;
  /** the fixture file, SDK file or API.md section; absent for emulator-only */
  reference?: string;
}

/** A title's marks, and what is wrong with the bracketed words it ends with. */
export interface TitleMarks {
  marks: ParityMark[];
  problems: string[];
}

const KINDS = Object.keys(PARITY_SOURCES) as ParitySource[];
/** the bracketed groups a title ends with: `... [fixture: a.json] [docs: §7]` */
const TRAILING = /(?:\s*\[[^\][]*\])+\s*$/;
const BRACKET = /\[([^\][]*)\]/g;

function isKind(word: string): word is ParitySource {
  return (KINDS as string[]).includes(word);
}

function readMark(inner: string): ParityMark | string {
  const colon = inner.indexOf(":");
  const kind = (colon < 0 ? inner : inner.slice(0, colon)).trim();
  const reference = colon < 0 ? undefined : inner.slice(colon + 1).trim();
  if (!isKind(kind)) return `[${inner}] is not a mark: the kinds are ${KINDS.join(", ")}`;
  if (PARITY_SOURCES[kind].reference && !reference) return `[${kind}] needs a reference: [${kind}: ...]`;
  if (!PARITY_SOURCES[kind].reference && reference !== undefined) return `[${kind}] takes no reference`;
  return reference === undefined ? { source: kind } : { source: kind, reference };
}

/** The marks a test or describe title ends with (every bracketed group at its end must be a mark). */
export function readTitleMarks(title: string): TitleMarks {
  const tail = TRAILING.exec(title)?.[0] ?? "";
  const result: TitleMarks = { marks: [], problems: [] };
  for (const m of tail.matchAll(BRACKET)) {
    const read = readMark(m[1] ?? "");
    if (typeof read === "string") result.problems.push(read);
    else result.marks.push(read);
  }
  return result;
}

/** Every mark anywhere in a full test name (describe titles and the test title joined, as jest names a test). */
export function readNameMarks(fullName: string): ParityMark[] {
  const marks: ParityMark[] = [];
  for (const m of fullName.matchAll(BRACKET)) {
    const read = readMark(m[1] ?? "");
    if (typeof read !== "string") marks.push(read);
  }
  return marks;
}

/** A mark as written in a title: `fixture: contact-response.json`, `emulator-only`. */
export function formatMark(mark: ParityMark): string {
  return mark.reference === undefined ? mark.source : `${mark.source}: ${mark.reference}`;
}
