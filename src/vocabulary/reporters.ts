/** The reporters `run --reporter` knows, by name; `report/` maps each name to its factory. */
export const REPORTER_NAMES = ["console", "junit", "json", "html"] as const;

/** One reporter name. */
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** The reporters a run uses when --reporter is not given. */
export const DEFAULT_REPORTERS: readonly ReporterName[] = ["console", "junit", "json"];

/** Whether a string names a reporter. */
export function isReporterName(value: string): value is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(value);
}
