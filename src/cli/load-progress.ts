import type { LoadHooks } from "../project";
import type { CliIo } from "./io";

/** With DEBUG=1, loading says on stderr when it starts parsing suites (a test interrupts `check` once it shows). */
export function loadProgress(io: CliIo): LoadHooks {
  if (io.env.DEBUG !== "1") return {};
  return { onSuiteFiles: (count) => io.err(`debug: parsing ${count} suite file(s)\n`) };
}
