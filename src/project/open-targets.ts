import type { Contract, Diagnostic, RegionTarget } from "../model";
import { resolveTargets, type Config } from "../config";
import type { Region } from "../vocabulary/regions";
import { loadEmulator } from "./lazy-emulator";
import { readLeftovers, type Leftover } from "./leftovers";

/** The targets of one run and how to release them (the in-process emulator is stopped by close). */
export interface OpenTargets {
  regions: string[];
  targets: Record<string, RegionTarget>;
  /** extra run variables: ADMIN_URL for the emulator, the Postman environment's values */
  runVariables: Record<string, string>;
  /** what a report names as the target */
  label: string;
  /** on the in-process emulator: what the run left behind */
  leftovers?(): Promise<Leftover[]>;
  close(): Promise<void>;
}

/** The emulator regions a run uses when --region is not given. */
export const EMULATOR_DEFAULT_REGIONS: readonly Region[] = ["us", "eu"];

/**
 * Resolves --target: the emulator starts in-process on a free port; a region, a URL, or `--env FILE` alone
 * (its BASE_URL is the target) build targets with credentials from the environment and .env.
 */
export async function openTargets(config: Config, env: Record<string, string | undefined>, contract?: Contract): Promise<{ open?: OpenTargets; diagnostics: Diagnostic[] }> {
  if (config.target === "emulator" && !config.env) return startLocalEmulator(config, contract);
  const { resolved, diagnostics } = resolveTargets(config, env);
  if (!resolved) return { diagnostics };
  const label = config.target === "emulator" ? resolved.targets[resolved.regions[0] ?? ""]?.baseUrl ?? "env" : config.target;
  return { open: { ...resolved, runVariables: { ...resolved.envValues }, label, close: async () => {} }, diagnostics };
}

async function startLocalEmulator(config: Config, contract?: Contract): Promise<{ open: OpenTargets; diagnostics: Diagnostic[] }> {
  const { startEmulator } = loadEmulator();
  const handle = await startEmulator({ port: 0, ...(contract ? { contract } : {}) });
  const regions = config.region?.length ? [...config.region] : [...EMULATOR_DEFAULT_REGIONS];
  // every region is served, so steps can reach the other regions ({{BASE_URL_EU}}); the plan runs only `regions`
  const targets = Object.fromEntries(handle.targets().map((t) => [t.region, t]));
  return {
    open: {
      regions, targets, runVariables: { ADMIN_URL: handle.info.adminUrl }, label: "emulator",
      leftovers: () => readLeftovers(handle.info.adminUrl, regions), close: () => handle.close(),
    },
    diagnostics: [],
  };
}
