/** A duration as results carry it: milliseconds rounded to 0.1 ms (more digits are noise, and bulk in results.json). */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
