import { credentialSource, formatHelp, resolveConfig, type CommandName, type Config } from "../config";
import { createRedactor, hasErrors, type Redactor } from "../diagnostics";
import type { Diagnostic } from "../model";
import { EXIT, type CliIo } from "./io";
import { packageInfo } from "../project/package-info";
import { renderDiagnostics } from "./print-diagnostics";

type Command = (config: Config, io: CliIo) => Promise<number>;

// each command is loaded when used, so `--help` and `--version` do not pay for ajv, undici or the emulator;
// each export is destructured from its require() because that is what knip sees as a use
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<CommandName, () => Command> = {
  run: () => {
    const { runCommand }: typeof import("./commands/run") = require("./commands/run");
    return runCommand;
  },
  check: () => {
    const { checkCommand }: typeof import("./commands/check") = require("./commands/check");
    return checkCommand;
  },
  emulator: () => {
    const { emulatorCommand }: typeof import("./commands/emulator") = require("./commands/emulator");
    return emulatorCommand;
  },
  coverage: () => {
    const { coverageCommand }: typeof import("./commands/coverage") = require("./commands/coverage");
    return coverageCommand;
  },
  compare: () => {
    const { compareCommand }: typeof import("./commands/compare") = require("./commands/compare");
    return compareCommand;
  },
  merge: () => {
    const { mergeCommand }: typeof import("./commands/merge") = require("./commands/merge");
    return mergeCommand;
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Parses argv, dispatches, and turns every error into a message and an exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { config, diagnostics } = resolveConfig({ argv, env: io.env, cwd: io.cwd });
    if (!config || hasErrors(diagnostics)) {
      io.err(renderDiagnostics(diagnostics, { cwd: io.cwd }));
      return EXIT.invalid;
    }
    if (config.version) {
      io.out(`${packageInfo().version}\n`);
      return EXIT.ok;
    }
    if (config.help || !config.command) {
      (config.help ? io.out : io.err)(formatHelp(config.command));
      return config.help ? EXIT.ok : EXIT.invalid;
    }
    return await COMMANDS[config.command]()(config, io);
  } catch (e) {
    return reportCrash(e, io);
  }
}

function reportCrash(e: unknown, io: CliIo): number {
  const diagnostics = (e as { diagnostics?: Diagnostic[] } | undefined)?.diagnostics;
  if (Array.isArray(diagnostics) && diagnostics.length > 0) {
    io.err(renderDiagnostics(diagnostics, { cwd: io.cwd }));
    return EXIT.invalid;
  }
  const redactor = crashRedactor(io);
  const message = e instanceof Error ? e.message : String(e);
  io.err(`error[CC_INTERNAL]: ${redactor.redact(message.split("\n")[0] ?? "")}\n`);
  if (io.env.DEBUG === "1" && e instanceof Error && e.stack) io.err(`${redactor.redact(e.stack)}\n`);
  else io.err("  = hint: set DEBUG=1 for the stack trace\n");
  return EXIT.couldNotRun;
}

/** A crash message may quote anything (a request, a config value): redact the secrets the environment and .env hold. */
function crashRedactor(io: CliIo): Redactor {
  let creds: Record<string, string | undefined> = io.env;
  try {
    creds = credentialSource(io.env, io.cwd);
  } catch {
    // the .env is what may have crashed; the environment's secret is still known
  }
  const secret = creds.SINCH_CLIENT_SECRET ?? "";
  return createRedactor([secret, io.env.SINCH_CLIENT_SECRET ?? ""], { pairs: [[creds.SINCH_CLIENT_ID ?? "", secret]] });
}
