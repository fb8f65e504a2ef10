import type { ProjectStatus } from "../project/verdict";

/** What a command may touch of the outside world; main.ts binds it to the process, tests to buffers. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** stdout is a terminal */
  stdoutTty: boolean;
  /** terminal width, when stdout is a terminal */
  columns?: number;
  /** aborted on SIGINT / SIGTERM */
  signal: AbortSignal;
}

/** The exit codes, as the README's "Exit codes" lists them. */
export const EXIT = { ok: 0, failed: 1, invalid: 2, couldNotRun: 3 } as const;

/** The exit code of each way a command can end. */
export const EXIT_CODE_OF: Readonly<Record<ProjectStatus, number>> = {
  passed: EXIT.ok,
  failed: EXIT.failed,
  invalid: EXIT.invalid,
  "could-not-run": EXIT.couldNotRun,
};
