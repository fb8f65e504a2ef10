import type { Diagnostic } from "../model";
import type { Config } from "../config";
import { DiagnosticError } from "../diagnostics";
import { readResults } from "../gate";
import { inCwd } from "./gate-settings";
import { withShownPaths } from "./shown-paths";

/** The recorded duration of every suite run of a results.json (`--shard-timings`), or why it cannot be read. */
export interface ShardTimings {
  timings?: ReadonlyMap<string, number>;
  diagnostics: Diagnostic[];
}

/** Reads `--shard-timings FILE` as a stream, when given: suite key -> its recorded duration in ms. */
export async function readShardTimings(config: Config): Promise<ShardTimings> {
  if (config.shardTimings === undefined) return { diagnostics: [] };
  const timings = new Map<string, number>();
  try {
    for await (const entry of readResults(inCwd(config, config.shardTimings))) {
      if (entry.type === "suite") timings.set(entry.suite.key, (timings.get(entry.suite.key) ?? 0) + entry.suite.durationMs);
    }
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    return { diagnostics: withShownPaths(e.diagnostics, config.cwd) };
  }
  return { timings, diagnostics: [] };
}
