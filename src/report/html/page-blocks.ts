import type { GateReport, RunHeader, RunTotals } from "../../model";
import type { Redactor } from "../../diagnostics";
import type { SourceExcerpt } from "./source-excerpt";

/*
 * report.html carries its data as <script type="application/json"> blocks, appended as the run goes: the header
 * first, one block per finished suite, then the footer and (after a gate ran) the gate's report. The page script
 * renders from whatever blocks are there, so a run cut short still shows every suite that finished.
 * Every block's JSON is redacted before it is written.
 */

/** What the page knows of the run when it starts; fields not known yet are absent (the footer's `run` fills them). */
export type PageHeader = Partial<RunHeader> & { regions: string[] };

/** What the run was, as its result says at the end (a run started without a full header gets it from here). */
export interface PageRun {
  tool: { name: string; version: string };
  target: string;
  regions: string[];
  strict: boolean;
  startedAt: string;
}

/** How the run ended. */
export interface PageFooter {
  finishedAt: string;
  durationMs: number;
  totals: RunTotals;
  run: PageRun;
  /** suite runs the plan held, when the reporter saw the plan (fewer finished: the run was cut short) */
  planned?: number;
}

/** Ids and class of the blocks; the page script (assets/script-data.ts) looks them up by these. */
const BLOCK = { header: "cc-header", footer: "cc-footer", gate: "cc-gate", suiteClass: "cc-suite" } as const;

/** A JSON text as the content of a script element: "<" escaped, so nothing in the data can close the element. */
export function jsonScript(attribute: string, json: string): string {
  return `<script type="application/json" ${attribute}>${escapeScript(json)}</script>\n`;
}

/** The run header block. */
export function headerBlock(header: PageHeader, redactor: Redactor): string {
  return jsonScript(`id="${BLOCK.header}"`, redactor.redact(JSON.stringify(header)));
}

/**
 * One suite's block: its redacted record (JSON text as results.json has it, every shape in full) and the source
 * excerpts of its failures. It comes in pieces: the record's JSON up to its steps (redacted and escaped here), its
 * steps' JSON as `steps` gives it (already redacted and escaped, blockText), the record's end and the excerpts: a
 * long suite's record is never one string in memory.
 */
export function* suiteBlockPieces(opening: string, steps: Iterable<string>, excerpts: SourceExcerpt[], redactor: Redactor): Generator<string> {
  yield `<script type="application/json" class="${BLOCK.suiteClass}">{"suite":${blockText(opening, redactor)}`;
  yield* steps;
  yield `${escapeScript(`]},"excerpts":${JSON.stringify(excerpts)}}`)}</script>\n`;
}

/** A piece of a block's JSON (cut between values, so no secret spans two pieces) as the block holds it: redacted, "<" escaped. */
export function blockText(json: string, redactor: Redactor): string {
  return escapeScript(redactor.redact(json));
}

function escapeScript(json: string): string {
  return json.replace(/</g, "\\u003c");
}

/** The footer block. */
export function footerBlock(footer: PageFooter, redactor: Redactor): string {
  return jsonScript(`id="${BLOCK.footer}"`, redactor.redact(JSON.stringify(footer)));
}

/** The gate's report block. */
export function gateBlock(report: GateReport, redactor: Redactor): string {
  return jsonScript(`id="${BLOCK.gate}"`, redactor.redact(JSON.stringify(report)));
}
