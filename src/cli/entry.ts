import { parseArgv } from "../config";
import { makeDiagnostic } from "../diagnostics";
import { EXIT } from "./io";
import { renderDiagnostics } from "./print-diagnostics";
import { runCli } from "./run-cli";

const controller = new AbortController();
const command = parseArgv(process.argv.slice(2)).command;
// only a run has teardowns and reports to finish; the emulator simply stops
const stopping = command === "run" ? "stopping; teardowns run and reports are written (repeat to quit now)" : "stopping";
// these only read and check files: nothing is sent or written, so they end on the first signal
const STOP_AT_ONCE: ReadonlySet<string | undefined> = new Set(["check", "coverage"]);
let interrupts = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupts += 1;
    if (STOP_AT_ONCE.has(command)) {
      const interrupted = makeDiagnostic("CC_INTERRUPTED", `${signal}: the ${command} was stopped before it finished`);
      process.stderr.write(`\n${renderDiagnostics([interrupted], { cwd: process.cwd() })}`);
      process.exit(EXIT.couldNotRun);
    }
    // the first signal lets teardowns run and reports be written; a second one stops at once
    if (interrupts > 1) process.exit(130);
    process.stderr.write(`\n${signal}: ${stopping}\n`);
    controller.abort();
  });
}

/**
 * A stream whose reader went away (`run | head`) stops taking output instead of crashing the process with
 * EPIPE: the run goes on, its reports are written, and the exit code is the run's.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  // EPIPE mostly; whatever broke the stream, nothing more can be written to it
  stream.on("error", () => {
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

runCli(process.argv.slice(2), {
  out: writerTo(process.stdout),
  err: writerTo(process.stderr),
  env: process.env,
  cwd: process.cwd(),
  stdoutTty: process.stdout.isTTY === true,
  columns: process.stdout.columns,
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
  // servers and timers of a finished run must not keep the process alive
  setImmediate(() => process.exit(code));
});
