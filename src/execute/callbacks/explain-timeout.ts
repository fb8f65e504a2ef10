import type { ArrivedCallback, CallbackStep, CheckFailure } from "../../model";
import { checkBody, type CompiledBodyChecks } from "../assertions";
import { reportBody } from "../exchange";
import type { SuiteRun } from "../suite-run";
import type { ReceivedCallback } from "./receiver";

/** What a callback step that waited in vain needs to explain itself. */
export interface TimeoutInput {
  step: CallbackStep;
  /** the body key of the awaited trigger ("message_delivery_report") */
  payloadKey: string;
  match: CompiledBodyChecks;
}

interface Candidate {
  cb: ReceivedCallback;
  /** the `match` checks this callback fails; a callback of another trigger fails them all and one more */
  misses: CheckFailure[];
  otherTrigger: boolean;
}

/**
 * The failure of a callback step whose callback never came: what did arrive for the suite run, and for the
 * callback closest to the step's `match` (same trigger, fewest keys that differ) which keys differed and how. The
 * arrived bodies (redacted, cut) stay in the failure, so the reports keep them; the closest is returned too.
 */
export function timeoutFailure(run: SuiteRun, input: TimeoutInput): { failure: CheckFailure; closest?: ReceivedCallback } {
  const { trigger, withinMs } = input.step.callback;
  const candidates = run.env.receiver.arrived(run.item.key).map((cb) => candidate(run, input, cb));
  const ranked = [...candidates].sort((a, b) => score(a, input) - score(b, input));
  const closest = ranked.find((c) => !c.otherTrigger);
  const matching = input.match.length > 0 ? " matching the step's `match`" : "";
  const arrived = candidates.length === 0 ? "no callback arrived" : `arrived: ${summarize(candidates)}`;
  const failure: CheckFailure = {
    kind: "callback", expected: trigger, actual: arrived,
    message: `no ${trigger} callback${matching} arrived within ${withinMs} ms (${arrived})`,
  };
  // the line of the match key that differed (not a path of the failure: its fingerprint must not depend on what arrived)
  const differed = closest?.misses[0]?.path;
  const pos = differed === undefined ? undefined : input.step.fieldPos[`callback.match.${differed}#key`];
  if (pos) Object.assign(failure, { line: pos.line, column: pos.column });
  if (candidates.length > 0) failure.arrived = ranked.map((c) => arrivedEntry(run, c, c === closest));
  return { failure, ...(closest ? { closest: closest.cb } : {}) };
}

function candidate(run: SuiteRun, input: TimeoutInput, cb: ReceivedCallback): Candidate {
  const body = cb.json;
  if (!body || typeof body !== "object" || !(input.payloadKey in body)) return { cb, misses: [], otherTrigger: true };
  const misses: CheckFailure[] = [];
  checkBody(input.match, body, run.scope.resolver(), misses);
  return { cb, misses, otherTrigger: false };
}

function score(c: Candidate, input: TimeoutInput): number {
  return c.otherTrigger ? input.match.length + 1 : c.misses.length;
}

function arrivedEntry(run: SuiteRun, c: Candidate, closest: boolean): ArrivedCallback {
  const entry: ArrivedCallback = { trigger: c.cb.trigger ?? "(unknown)", body: reportBody(run.env.redactor, c.cb.raw.toString("utf8")) ?? "" };
  if (closest) entry.differs = c.misses.map((m) => `${m.path ?? ""}: expected ${m.expected ?? "-"}, got ${m.actual ?? "-"}`);
  return entry;
}

function summarize(candidates: Candidate[]): string {
  const counts = new Map<string, number>();
  for (const { cb } of candidates) counts.set(cb.trigger ?? "(unknown)", (counts.get(cb.trigger ?? "(unknown)") ?? 0) + 1);
  return [...counts].map(([t, n]) => (n > 1 ? `${t} x${n}` : t)).join(", ");
}
