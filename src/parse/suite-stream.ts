import { Composer, Lexer, Parser, visit, type CST, type Document, type LineCounter, type Node } from "yaml";
import type { Phase, Step } from "../model";
import { buildStep } from "./build-step";
import type { PositionShapes } from "./field-positions";
import { boundsProblemsFrom } from "./suite-bounds";
import { malformedTemplates, unsupportedNodes } from "./suite-hazards";
import { TextScreen } from "./text-screen";
import type { YamlSource } from "./yaml-source";

/** Options the whole-file parse gives yaml; every piece is composed with the same. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;
/** Steps composed at a time: memory holds the nodes of this many steps, never those of the whole file. */
const BATCH = 256;
const PHASES: ReadonlySet<string> = new Set<Phase>(["setup", "steps", "teardown"]);

type SeqItem = CST.BlockSequence["items"][number];

/** The top-level mapping of a suite streamed piece by piece: its own document, and its phases' steps built on the way. */
export interface StreamedSuite {
  src: YamlSource;
  /** the plain value of the top level, each streamed phase holding its steps' plain values */
  raw: Record<string, unknown>;
  /** the first steps of each phase that was streamed (a block list under a plain key); its last step is still in `src` */
  built: Partial<Record<Phase, Step[]>>;
  /** with a hand-off: how many first steps of each streamed phase went to it (neither built nor in `raw` here) */
  handed: Partial<Record<Phase, number>>;
}

/**
 * Where streamed steps go instead of being kept: each batch is checked against the schema on its own, then built and
 * handed over, so memory holds one batch of steps whatever the file's size.
 */
export interface StepHandOff {
  /** whether these plain values of a phase's steps are valid steps of it (the whole suite is checked at the end too) */
  valid(phase: Phase, values: unknown[]): boolean;
  take(phase: Phase, steps: Step[]): void;
}

/** What streaming collects per phase until the end. */
interface PhaseState {
  values: unknown[];
  steps: Step[];
  /** how many went to the hand-off */
  handed: number;
}

/** Whether a composed piece is plain, clean data: no YAML error, bound, tag, template or alias problem. */
function clean(src: YamlSource, root: Node | null | undefined, path: string[], maybeAlias: boolean): boolean {
  if (src.doc.errors.length > 0) return false;
  // an alias may point outside the piece, and yaml bounds alias expansion per document: the whole file decides
  // (a text without a "*" after a space, a bracket or a comma has none: `maybeAlias`, from the text read so far)
  if (maybeAlias && hasAlias(src.doc)) return false;
  if (boundsProblemsFrom(src, root, path).length > 0) return false;
  return unsupportedNodes(src).length === 0 && malformedTemplates(src).length === 0;
}

function hasAlias(doc: Document): boolean {
  let alias = false;
  visit(doc, { Alias: () => { alias = true; return visit.BREAK; } });
  return alias;
}

/** The block list of a phase the parser is inside now (document > top-level mapping > phase key > list), if any. */
function openPhase(stack: CST.Token[]): { phase: Phase; seq: CST.BlockSequence } | undefined {
  const seq = stack[2];
  const map = stack[1];
  if (seq?.type !== "block-seq" || map?.type !== "block-map" || stack[0]?.type !== "document") return undefined;
  const key = map.items.at(-1)?.key;
  if (key?.type !== "scalar" || !PHASES.has(key.source)) return undefined;
  return { phase: key.source as Phase, seq };
}

/** The phase lists of a finished top-level document, for the steps the parser left in them. */
function closedPhases(doc: CST.Document): Array<{ phase: Phase; seq: CST.BlockSequence }> {
  if (doc.value?.type !== "block-map") return [];
  return doc.value.items.flatMap((item) => {
    const key = item.key;
    const seq = item.value;
    return key?.type === "scalar" && PHASES.has(key.source) && seq?.type === "block-seq" ? [{ phase: key.source as Phase, seq }] : [];
  });
}

class SuiteStreamer {
  private readonly phases = new Map<Phase, PhaseState>();
  private readonly shapes: PositionShapes = new Map();
  private failed = false;
  /** how much of the text the parser has been given */
  length = 0;

  constructor(
    private readonly screen: TextScreen,
    private readonly file: string,
    private readonly lineCounter: LineCounter,
    private readonly handOff?: StepHandOff,
  ) {}

  /** Compose `items` of a phase's list as one document of their own, check them and build their steps. */
  take(phase: Phase, seq: CST.BlockSequence, items: SeqItem[]): void {
    if (this.failed || items.length === 0) return;
    const value: CST.BlockSequence = { type: "block-seq", offset: seq.offset, indent: seq.indent, items };
    const docs = [...new Composer(YAML_OPTIONS).compose([{ type: "document", offset: seq.offset, start: [], value, end: [] }], true, this.length)];
    const doc = docs[0] as Document | undefined;
    const src: YamlSource = { file: this.file, doc: doc as Document, lineCounter: this.lineCounter };
    const list = doc?.contents as { items?: Node[] } | null | undefined;
    if (!doc || docs.length !== 1 || !Array.isArray(list?.items) || !clean(src, doc.contents, [phase], this.screen.maybeAlias)) {
      this.failed = true;
      return;
    }
    const values = doc.toJS({ maxAliasCount: 1000 }) as unknown[];
    const state = this.phases.get(phase) ?? { values: [], steps: [], handed: 0 };
    this.phases.set(phase, state);
    if (this.handOff) {
      if (!this.handOff.valid(phase, values)) {
        this.failed = true;
        return;
      }
      this.handOff.take(phase, list.items.map((node, k) => buildStep(values[k], { src, phase, index: state.handed + k, node, shapes: this.shapes })));
      state.handed += values.length;
      return;
    }
    list.items.forEach((node, k) => {
      const index = state.values.length;
      state.values.push(values[k]);
      state.steps.push(buildStep(values[k], { src, phase, index, node, shapes: this.shapes }));
    });
  }

  /** After the last token: the top-level document (its phases emptied), checked, with the phases' steps. */
  finish(tokens: CST.Token[]): StreamedSuite | undefined {
    const first = tokens.find((token) => token.type === "document");
    // a phase that did not stream (a short list) stays whole in the top-level document; of a streamed one, the
    // last item stays in its list: an empty list would end where it starts, and yaml measures the next key from there
    const streamed = first ? closedPhases(first).filter(({ phase }) => this.phases.has(phase)) : [];
    for (const { phase, seq } of streamed) this.take(phase, seq, seq.items.splice(0, seq.items.length - 1));
    if (this.failed) return undefined;
    const docs = [...new Composer(YAML_OPTIONS).compose(tokens, true, this.length)];
    const doc = docs[0];
    if (!doc || docs.length !== 1 || doc.contents === null) return undefined;
    const src: YamlSource = { file: this.file, doc, lineCounter: this.lineCounter };
    if (!clean(src, doc.contents, [], this.screen.maybeAlias)) return undefined;
    const raw = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
    const built: Partial<Record<Phase, Step[]>> = {};
    const handed: Partial<Record<Phase, number>> = {};
    for (const [phase, state] of this.phases) {
      if (this.handOff) {
        handed[phase] = state.handed;
        continue;
      }
      const rest = (raw as Record<string, unknown>)[phase];
      (raw as Record<string, unknown>)[phase] = Array.isArray(rest) ? [...state.values, ...(rest as unknown[])] : rest;
      built[phase] = state.steps;
    }
    return { src, raw: raw as Record<string, unknown>, built, handed };
  }
}

/**
 * Parse a suite without holding the whole file's YAML nodes, nor its whole text: the text comes in pieces, each
 * screened (text-screen) before the parser's tokens stream in, and the steps of each phase list are taken out as they
 * complete, BATCH at a time, composed as a document of their own (their offsets, so their positions, are those of the
 * file), checked and built. Undefined when anything is not plain, clean data (a forbidden character, an error, a bound
 * passed, a tag, an alias, several documents...): the whole-file parse then reports exactly.
 * With a hand-off, the streamed steps go to it, a batch at a time, and `raw` keeps only what did not stream.
 */
export function streamSuite(pieces: Iterable<string>, file: string, lineCounter: LineCounter, handOff?: StepHandOff): StreamedSuite | undefined {
  const parser = new Parser(lineCounter.addNewLine);
  const lexer = new Lexer();
  const screen = new TextScreen();
  const streamer = new SuiteStreamer(screen, file, lineCounter, handOff);
  const tokens: CST.Token[] = [];
  let firstDocumentDone = false;
  const parse = (region: string, more: boolean): void => {
    if (region === "" && more) return;
    streamer.length += region.length;
    for (const lexeme of lexer.lex(region, more)) {
      for (const token of parser.next(lexeme)) {
        tokens.push(token);
        if (token.type === "document") firstDocumentDone = true;
      }
      // a list grows at its "-"; only in the first document (a second one is an error the whole-file parse reports)
      const open = lexeme !== "-" || firstDocumentDone ? undefined : openPhase(parser.stack);
      // the last two items stay: the parser may still add a comment to the one before the current
      if (open && open.seq.items.length >= BATCH + 2) streamer.take(open.phase, open.seq, open.seq.items.splice(0, open.seq.items.length - 2));
    }
  };
  lineCounter.addNewLine(0);
  for (const piece of pieces) {
    const region = screen.take(piece);
    if (region === undefined) return undefined;
    parse(region, true);
  }
  const last = screen.end();
  if (last === undefined) return undefined;
  parse(last, false);
  for (const token of parser.end()) tokens.push(token);
  return streamer.finish(tokens);
}
