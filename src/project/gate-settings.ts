import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { GateRules } from "../model";
import { credentialSource, type Config } from "../config";
import { createRedactor, type Redactor } from "../diagnostics";
import { DEFAULT_ACCEPT_FILE, type LatencyRule } from "../gate";

/** How the gate judges, as the config says: --fail-on, --min-steps, --gate-warn-only, --latency-ratio, --latency-floor-ms. */
export interface GateJudgement {
  rules: GateRules;
  latency: Pick<LatencyRule, "ratio" | "floorMs">;
}

/** The gate's rules and latency rule from the resolved config. */
export function gateJudgement(config: Config): GateJudgement {
  return {
    rules: { failOn: config.failOn === "change" ? "change" : "regression", minSteps: config.minSteps, warnOnly: config.gateWarnOnly },
    latency: { ratio: config.latencyRatio, floorMs: config.latencyFloorMs },
  };
}

/** The accept file: --accept (against cwd), else conversation-contract.accept.yaml in cwd when it exists. */
export function acceptFileOf(config: Config): string | undefined {
  if (config.accept !== undefined) return inCwd(config, config.accept);
  const fallback = resolve(config.cwd, DEFAULT_ACCEPT_FILE);
  return existsSync(fallback) ? fallback : undefined;
}

/** A path the user gave, against the working directory. */
export function inCwd(config: Config, path: string): string {
  return isAbsolute(path) ? path : resolve(config.cwd, path);
}

/**
 * What no gate output may show: the secrets of the environment and .env. The results files were redacted when they
 * were written; this catches a secret that reached a file written elsewhere, or a message of the gate itself.
 */
export function gateRedactor(config: Config, env: Record<string, string | undefined>): Redactor {
  let creds: Record<string, string | undefined> = env;
  try {
    creds = credentialSource(env, config.cwd);
  } catch {
    // an unreadable .env holds no secret the gate could know; the environment's still count
  }
  const secret = creds.SINCH_CLIENT_SECRET ?? "";
  return createRedactor([secret], { pairs: [[creds.SINCH_CLIENT_ID ?? "", secret]] });
}
