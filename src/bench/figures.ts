/** One line of the bench's closing table: a measure, what it came to, the target and whether it holds. */
export interface Figure {
  measure: string;
  value: string;
  /** the target of issue 13's table, or undefined where the issue sets none */
  target?: string;
  holds?: boolean;
}

/** "yes" only when the target was met by a runner that did its job: a failed run is never fast enough. */
export function verdict(met: boolean, runnerProblems: string[]): string {
  if (runnerProblems.length > 0) return `NO (runner failed: ${runnerProblems.join("; ")})`;
  return met ? "yes" : "NO";
}

/** A figure whose target holds only when `met` and nothing went wrong on the way. */
export function targetFigure(measure: string, value: string, target: string, met: boolean, problems: string[] = []): Figure & { verdict: string } {
  return { measure, value, target, holds: met && problems.length === 0, verdict: verdict(met, problems) };
}

/** A figure the issue sets no target for; problems on the way are said in its value. */
export function infoFigure(measure: string, value: string, problems: string[] = []): Figure {
  return { measure, value: problems.length > 0 ? `${value} (${verdict(false, problems)})` : value };
}

/** The closing table, as Markdown so it can be pasted into an issue. */
export function figureTable(figures: Array<Figure & { verdict?: string }>): string[] {
  const rows = figures.map((f) => [f.measure, f.value, f.target ?? "-", f.target === undefined ? "-" : (f.verdict ?? (f.holds ? "yes" : "NO"))]);
  return ["| measure | value | target | holds? |", "|---|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

/** Two decimals for ratios, one for milliseconds and MiB. */
export const ratio = (n: number): string => `${n.toFixed(2)}x`;
export const fmt = (n: number): string => n.toFixed(1);
