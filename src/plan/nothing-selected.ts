import type { Diagnostic, Suite } from "../model";
import { didYouMean, makeDiagnostic } from "../diagnostics";
import type { PlanOptions } from "./build-plan";

/** The filters of a plan in words, without claiming which flag or config key gave them. */
function filtersOf(opts: PlanOptions): string[] {
  return [
    opts.tags?.length ? `tag ${opts.tags.join(",")}` : "",
    opts.excludeTags?.length ? `exclude-tag ${opts.excludeTags.join(",")}` : "",
    opts.grep !== undefined ? `grep "${opts.grep}"` : "",
    `region ${opts.regions.join(",")}`,
  ].filter(Boolean);
}

/** For each asked tag no suite has: a did-you-mean, else the tags there are. */
function tagHint(suites: Suite[], tags: string[]): string | undefined {
  const known = [...new Set(suites.flatMap((s) => s.tags))].sort();
  const unknown = tags.filter((t) => !known.includes(t));
  if (unknown.length === 0) return undefined;
  const close = unknown.map((t) => [t, didYouMean(t, known)] as const).filter(([, c]) => c !== undefined);
  if (close.length > 0) return close.map(([t, c]) => `tag ${t}: did you mean ${c}?`).join("; ");
  return `no suite has tag ${unknown.join(", ")}; the suites' tags: ${known.join(", ") || "(none)"}`;
}

/** CC_NOTHING_SELECTED: the filters left no suite run, so the run would prove nothing (exit 2, never a green run). */
export function nothingSelected(suites: Suite[], opts: PlanOptions): Diagnostic {
  const hint = tagHint(suites, opts.tags ?? []);
  return makeDiagnostic("CC_NOTHING_SELECTED", `no suite selected by ${filtersOf(opts).join(", ")} among ${suites.length} suite(s); nothing was run`, undefined, hint);
}
