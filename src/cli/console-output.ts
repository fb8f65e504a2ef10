import { wantsColor, type Config } from "../config";
import type { ConsoleOutput } from "../report";
import type { CliIo } from "./io";

/** Live progress only on a terminal outside CI; colors on a terminal, or as --no-color, NO_COLOR and FORCE_COLOR say. */
export function consoleOutput(config: Config, io: CliIo): ConsoleOutput {
  const ci = io.env.CI !== undefined && !["", "0", "false"].includes(io.env.CI.toLowerCase());
  const tty = io.stdoutTty && !ci;
  return { write: io.out, tty, color: wantsColor({ noColor: config.noColor, env: io.env, tty }), columns: io.columns };
}
