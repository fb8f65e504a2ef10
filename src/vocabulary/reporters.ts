/** The reporters `run --reporter` knows, by name; `report/` maps each name to its factory. */
export const REPORTER_NAMES = ["console", "junit", "json"] as const;

/** One reporter name. */
export type ReporterName = (typeof REPORTER_NAMES)[number];
