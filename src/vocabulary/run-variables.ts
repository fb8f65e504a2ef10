import { REGIONS, type Region } from "./regions";

/** Variables the run gives every step of a region, without the suite declaring them. */
export const RUN_VARIABLES = [
  "PROJECT", "REGION", "BASE_URL", "AUTH_URL", "TEMPLATE_BASE_URL", "CLIENT_ID", "CLIENT_SECRET",
  "WEBHOOK_URL", "WEBHOOK_SECRET", "ADMIN_URL", "API_VERSION",
] as const;

/** One run variable. */
export type RunVariable = (typeof RUN_VARIABLES)[number];

/** Set by the runner itself (the collection's bearer token), never by a suite. */
export const RUNNER_VARIABLES = ["ACCESS_TOKEN"] as const;

/** The run variables that also come once per region of the run (BASE_URL_EU ...), for cross-region steps. */
export const REGIONAL_VARIABLES = ["BASE_URL", "AUTH_URL", "TEMPLATE_BASE_URL"] as const;

/** One variable of the per-region family. */
export type RegionalVariable = (typeof REGIONAL_VARIABLES)[number];

/** `BASE_URL` + `eu` -> `BASE_URL_EU`. */
export function regionalVariableName(base: RegionalVariable, region: string): string {
  return `${base}_${region.toUpperCase()}`;
}

const REGIONAL = new RegExp(`^(?:${REGIONAL_VARIABLES.join("|")})_([A-Z]+)$`);

/** The region a per-region variable names (`BASE_URL_EU` -> `eu`), or undefined for any other name. */
export function regionOfVariable(name: string): string | undefined {
  return REGIONAL.exec(name)?.[1]?.toLowerCase();
}

/** Every name a suite may use without defining it: the run's, the runner's, and the per-region family of each region. */
export function runVariableNames(regions: readonly Region[] = REGIONS): string[] {
  return [
    ...RUN_VARIABLES, ...RUNNER_VARIABLES,
    ...regions.flatMap((r) => REGIONAL_VARIABLES.map((base) => regionalVariableName(base, r))),
  ];
}
