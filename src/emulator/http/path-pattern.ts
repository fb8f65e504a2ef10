/** A segment pattern that stands for any number of path segments (none included). */
const ANY_SEGMENTS = "**";
const MAX_SEGMENTS = 64;

/** How to write a path pattern, for the 400 that refuses one. */
export const PATH_PATTERN_HELP =
  "use an exact path, * for one path segment (or part of one, as in contacts:*) and ** for any number of segments, e.g. /v1/projects/*/contacts/**";

/** A compiled path pattern: exact, `*` (or a path parameter, `{id}`) within one segment, `**` for any number of segments. */
export type PathMatcher = (path: string) => boolean;

/** Whether one path segment fits a segment pattern whose `*`s match any run of characters (the greedy glob match). */
function segmentMatches(pattern: string, segment: string): boolean {
  if (!pattern.includes("*")) return pattern === segment;
  const pieces = pattern.split("*");
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (segment.length < first.length + last.length || !segment.startsWith(first) || !segment.endsWith(last)) return false;
  let at = first.length;
  const end = segment.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = segment.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

function runMatches(run: readonly string[], segments: readonly string[], from: number): boolean {
  return run.every((p, i) => segmentMatches(p, segments[from + i] as string));
}

/**
 * Whether the segments fit runs of segment patterns separated by `**`: the first run at the start, the last at the
 * end, each run between at its leftmost place. Leftmost is always right for `**`, so nothing is ever retried: the cost
 * is the path's length times the pattern's, never more.
 */
function runsMatch(runs: readonly (readonly string[])[], segments: readonly string[]): boolean {
  const head = runs[0] as readonly string[];
  const tail = runs[runs.length - 1] as readonly string[];
  if (runs.length === 1) return segments.length === head.length && runMatches(head, segments, 0);
  if (segments.length < head.length + tail.length) return false;
  if (!runMatches(head, segments, 0) || !runMatches(tail, segments, segments.length - tail.length)) return false;
  let at = head.length;
  const end = segments.length - tail.length;
  for (const run of runs.slice(1, -1)) {
    while (at + run.length <= end && !runMatches(run, segments, at)) at += 1;
    if (at + run.length > end) return false;
    at += run.length;
  }
  return true;
}

/** Compile a path pattern, or return why it is not one. */
export function compilePathPattern(pattern: string): PathMatcher | string {
  if (pattern.startsWith("^")) return `regular expressions are not accepted (they can take unbounded time to match): ${PATH_PATTERN_HELP}`;
  if (/^\*+$/.test(pattern)) return () => true;
  if (!pattern.startsWith("/") && !pattern.startsWith("*")) return `a path pattern starts with / (or a *): ${PATH_PATTERN_HELP}`;
  const parts = pattern.split("/");
  if (parts.length > MAX_SEGMENTS) return `a path pattern has at most ${MAX_SEGMENTS} segments`;
  if (parts.some((p) => p.includes(ANY_SEGMENTS) && p !== ANY_SEGMENTS)) return `** stands alone as a whole segment: ${PATH_PATTERN_HELP}`;
  const runs: string[][] = [[]];
  // a client sends a literal { as %7B, so `{project}` as the API's docs write it can only mean a parameter; within a
  // segment one * is as good as two, and two side by side must not read as **
  for (const part of parts.map((p) => (p.includes("{") ? p.replace(/\{[^{}/]*\}/g, "*").replace(/\*+/g, "*") : p))) {
    if (part === ANY_SEGMENTS) runs.push([]);
    else (runs[runs.length - 1] as string[]).push(part);
  }
  return (path) => runsMatch(runs, path.split("/"));
}
