import type { AcceptEntry, Acceptance, GateFinding } from "../model";
import { stepPartsOfKey } from "../vocabulary/step-key";
import { ACCEPT_PATTERN_KEYS } from "./accept-file";

/** Findings after the accept file, and the entries that matched nothing. */
export interface AcceptOutcome {
  findings: GateFinding[];
  stale: AcceptEntry[];
}

/** Options of applying an accept file. */
export interface ApplyAcceptOptions {
  /** today, for `until` (compared as a UTC date) */
  now: Date;
}

/*
 * A missing region is a gate rule (issue 8: every region of the baseline must have run), not a difference to
 * live with: no entry accepts it. Dropping a region means recording a new baseline.
 */
const NEVER_ACCEPTED = new Set(["region-missing"]);

/**
 * Marks the findings accept-file entries match: "accepted" (does not fail the gate) or, past the entry's
 * `until`, "expired" (fails again, and says so). An unexpired entry wins over an expired one.
 */
export function applyAccept(findings: GateFinding[], entries: AcceptEntry[], opts: ApplyAcceptOptions): AcceptOutcome {
  const today = opts.now.toISOString().slice(0, 10);
  const used = new Set<AcceptEntry>();
  const matchers = entries.map((entry) => ({ entry, matches: compileEntry(entry) }));
  const out = findings.map((finding) => {
    if (NEVER_ACCEPTED.has(finding.class)) return finding;
    let best: AcceptEntry | undefined;
    for (const { entry, matches } of matchers) {
      if (!matches(finding)) continue;
      used.add(entry);
      if (!best || (isExpired(best, today) && !isExpired(entry, today))) best = entry;
    }
    return best ? { ...finding, acceptance: acceptanceOf(best, isExpired(best, today)) } : finding;
  });
  return { findings: out, stale: entries.filter((e) => !used.has(e)) };
}

function isExpired(entry: AcceptEntry, today: string): boolean {
  return today > entry.until;
}

function acceptanceOf(entry: AcceptEntry, expired: boolean): Acceptance {
  const { reason, until, file, line, column } = entry;
  return { status: expired ? "expired" : "accepted", reason, until, file, line, column };
}

type FindingTest = (f: GateFinding) => boolean;

function compileEntry(entry: AcceptEntry): FindingTest {
  if (entry.fingerprint !== undefined) return (f) => f.fingerprint === entry.fingerprint;
  const tests: FindingTest[] = [];
  for (const key of ACCEPT_PATTERN_KEYS) {
    const pattern = entry[key];
    if (pattern === undefined) continue;
    const glob = globToRegExp(pattern);
    const fieldsOf = FIELDS[key];
    tests.push((f) => fieldsOf(f).some((v) => v !== undefined && glob.test(v)));
  }
  return (f) => tests.every((t) => t(f));
}

/** What each pattern key is matched against (a suite pattern matches the suite id or its key with the region). */
const FIELDS: Record<(typeof ACCEPT_PATTERN_KEYS)[number], (f: GateFinding) => Array<string | undefined>> = {
  suite: (f) => [f.suiteKey, f.suiteKey?.split("@")[0]],
  step: (f) => [stepName(f)],
  path: (f) => [f.path],
  class: (f) => [f.class],
  operation: (f) => [f.operationId],
  region: (f) => [f.region],
};

/** The name of the finding's step, without its phase. */
function stepName(f: GateFinding): string | undefined {
  return f.stepKey && f.suiteKey ? stepPartsOfKey(f.suiteKey, f.stepKey)?.name : undefined;
}

/** `*` matches any text; everything else is literal. */
function globToRegExp(pattern: string): RegExp {
  const source = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`);
}
