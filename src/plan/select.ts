import type { Suite } from "../model";
import { DiagnosticError, makeDiagnostic } from "../diagnostics";
import { suiteSteps } from "../vocabulary/suite-steps";

/** What the user asked for: tags (any match), tags to leave out, and a substring of suite name, file or step name. */
export interface SelectOptions {
  tags?: string[];
  excludeTags?: string[];
  grep?: string;
}

/** Suites with an excluded tag, and every suite that needs one of them (it could not run without it). */
function excludedIds(suites: Suite[], excludeTags: string[]): Set<string> {
  const excluded = new Set(suites.filter((s) => s.tags.some((t) => excludeTags.includes(t))).map((s) => s.id));
  for (let grew = excluded.size > 0; grew; ) {
    grew = false;
    for (const suite of suites) {
      if (excluded.has(suite.id) || !suite.needs.some((n) => excluded.has(n))) continue;
      excluded.add(suite.id);
      grew = true;
    }
  }
  return excluded;
}

/** The suites the filters keep, plus every suite they need (transitively), in input order. */
export function selectSuites(suites: Suite[], opts: SelectOptions): Suite[] {
  const byId = new Map(suites.map((s) => [s.id, s]));
  const excluded = excludedIds(suites, opts.excludeTags ?? []);
  const chosen = new Set<string>();
  const pull = (suite: Suite): void => {
    if (chosen.has(suite.id)) return;
    chosen.add(suite.id);
    for (const need of suite.needs) {
      const dep = byId.get(need);
      if (!dep) {
        throw new DiagnosticError(makeDiagnostic("CC_UNKNOWN_NEED", `suite "${suite.id}" needs "${need}", which is not loaded`, suite.pos));
      }
      pull(dep);
    }
  };
  for (const suite of suites) if (!excluded.has(suite.id) && matches(suite, opts)) pull(suite);
  return suites.filter((s) => chosen.has(s.id));
}

function matches(suite: Suite, opts: SelectOptions): boolean {
  if (opts.tags && opts.tags.length > 0 && !suite.tags.some((t) => opts.tags!.includes(t))) return false;
  if (!opts.grep) return true;
  const needle = opts.grep.toLowerCase();
  const has = (text: string): boolean => text.toLowerCase().includes(needle);
  if (has(suite.name) || has(suite.file)) return true;
  for (const step of suiteSteps(suite)) if (has(step.name)) return true;
  return false;
}
