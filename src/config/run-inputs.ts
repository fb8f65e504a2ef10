import type { Diagnostic } from "../model";
import { didYouMean } from "../diagnostics";
import { isRegion, REGIONS } from "../vocabulary/regions";
import { runVariableNames } from "../vocabulary/run-variables";
import { badValue, type ValueOrigin } from "./origin";

/** One Postman environment file of a run: for every region, or for one (`--env eu=FILE`). */
export interface EnvFileRef {
  file: string;
  /** absent: the file applies to every region that has no file of its own */
  region?: string;
}

const REGION_PREFIX = /^([A-Za-z]+)=(.*)$/;

/** `FILE` or `REGION=FILE` entries: one file for all regions at most, one per region at most. */
export function parseEnvFileRefs(entries: readonly string[], origin: ValueOrigin, out: Diagnostic[]): EnvFileRef[] {
  const refs: EnvFileRef[] = [];
  entries.forEach((entry, i) => {
    const m = REGION_PREFIX.exec(entry);
    const region = m?.[1]?.toLowerCase();
    if (region !== undefined && !isRegion(region)) {
      const close = didYouMean(region, REGIONS);
      out.push(badValue(origin, `${origin.name}: unknown region "${m?.[1]}" in "${entry}"`, close ? `did you mean ${close}=${m?.[2]}?` : `expected FILE or REGION=FILE with a region of ${REGIONS.join(", ")}`, i));
      return;
    }
    const ref: EnvFileRef = region !== undefined ? { region, file: m?.[2] ?? "" } : { file: entry };
    if (ref.file.trim() === "") {
      out.push(badValue(origin, `${origin.name}: "${entry}" names no file`, "expected FILE or REGION=FILE", i));
      return;
    }
    const twice = refs.find((r) => r.region === ref.region);
    if (twice) {
      const which = ref.region ? `region ${ref.region}` : "every region";
      out.push(badValue(origin, `${origin.name}: two environment files for ${which} (${twice.file} and ${ref.file})`, "one file for every region, and at most one per region: us=FILE, eu=FILE", i));
      return;
    }
    refs.push(ref);
  });
  return refs;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Set by the run from the target (or, WEBHOOK_SECRET aside, by the runner); a --var of one would be ignored or wrong. */
const RUN_SET = new Set(runVariableNames().filter((name) => name !== "WEBHOOK_SECRET"));

/** `KEY=VALUE` entries as run variables; a later entry for the same key wins, like a later flag. */
export function parseVariables(entries: readonly string[], origin: ValueOrigin, out: Diagnostic[]): Record<string, string> {
  const vars: Record<string, string> = {};
  entries.forEach((entry, i) => {
    const eq = entry.indexOf("=");
    const key = eq < 0 ? entry : entry.slice(0, eq);
    if (eq < 0 || !VARIABLE_NAME.test(key)) {
      out.push(badValue(origin, `${origin.name}: "${key}" is not KEY=VALUE with a variable name`, "e.g. PHONE=+46700000001 (names: letters, digits and _)", i));
      return;
    }
    if (RUN_SET.has(key)) {
      out.push(badValue(origin, `${origin.name}: ${key} is set by the run itself`, "the target, its environment files and the credentials set it; pick another name", i));
      return;
    }
    vars[key] = entry.slice(eq + 1);
  });
  return vars;
}
