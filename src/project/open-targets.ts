import type { Contract, Diagnostic, RegionTarget } from "../model";
import { resolveTargets, runRegions, type Config, type RunEnvironments } from "../config";
import { loadEmulator } from "./lazy-emulator";
import { readLeftovers, type Leftover } from "./leftovers";

/** The targets of one run and how to release them (the in-process emulator is stopped by close). */
export interface OpenTargets {
  regions: string[];
  targets: Record<string, RegionTarget>;
  /** extra run variables of every region: ADMIN_URL on the in-process emulator, --var */
  runVariables: Record<string, string>;
  /** extra run variables per region: the values of its environment files, then --var */
  regionVariables?: Record<string, Record<string, string>>;
  /** values the environment files mark as secret, for the run's redactor */
  secrets: string[];
  /** what a report names as the target */
  label: string;
  /** on the in-process emulator: what the run left behind */
  leftovers?(): Promise<Leftover[]>;
  close(): Promise<void>;
}

/**
 * Resolves --target: the emulator starts in-process on a free port; a region, a URL, or `--env FILE` alone
 * (its BASE_URL is the target) build targets with credentials from the environment and .env.
 */
export async function openTargets(config: Config, env: Record<string, string | undefined>, environments: RunEnvironments, contract?: Contract): Promise<{ open?: OpenTargets; diagnostics: Diagnostic[] }> {
  if (config.target === "emulator" && config.envFiles.length === 0) return startLocalEmulator(config, environments, contract);
  const { resolved, diagnostics } = resolveTargets(config, env, environments);
  if (!resolved) return { diagnostics };
  const label = config.target === "emulator" ? resolved.targets[resolved.regions[0] ?? ""]?.baseUrl ?? "env" : config.target;
  const regionVariables = Object.fromEntries(Object.entries(resolved.regionValues).map(([region, values]) => [region, { ...values, ...config.vars }]));
  return {
    open: { regions: resolved.regions, targets: resolved.targets, runVariables: { ...config.vars }, regionVariables, secrets: resolved.secrets, label, close: async () => {} },
    diagnostics,
  };
}

async function startLocalEmulator(config: Config, environments: RunEnvironments, contract?: Contract): Promise<{ open: OpenTargets; diagnostics: Diagnostic[] }> {
  const { startEmulator } = loadEmulator();
  const handle = await startEmulator({ port: 0, ...(contract ? { contract } : {}) });
  const regions = runRegions(config, environments);
  // every region is served, so steps can reach the other regions ({{BASE_URL_EU}}); the plan runs only `regions`
  // --auth global: every region's tokens come from the emulator's global endpoint (as auth.sinch.com)
  const auth = config.auth === "global" ? { authUrl: handle.info.globalAuthUrl } : {};
  const targets = Object.fromEntries(handle.targets().map((t) => [t.region, { ...t, ...auth }]));
  return {
    open: {
      regions, targets, runVariables: { ADMIN_URL: handle.info.adminUrl, ...config.vars }, secrets: [], label: "emulator",
      leftovers: () => readLeftovers(handle.info.adminUrl, regions), close: () => handle.close(),
    },
    diagnostics: [],
  };
}
