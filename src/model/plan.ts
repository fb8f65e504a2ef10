import type { Suite } from "./suite";

/** One suite in one region. */
export interface PlannedSuite {
  /** "<suite id>@<region>"; unique in the plan */
  key: string;
  suite: Suite;
  region: string;
  /** keys of planned suites that must finish first (same region) */
  needs: string[];
}

/** What a run will execute, in a valid order. */
export interface Plan {
  items: PlannedSuite[];
  regions: string[];
}
