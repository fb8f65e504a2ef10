#!/usr/bin/env node
import { runCli } from "./run-cli";

const controller = new AbortController();
let interrupts = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupts += 1;
    // the first signal lets teardowns run and reports be written; a second one stops at once
    if (interrupts > 1) process.exit(130);
    process.stderr.write(`\n${signal}: stopping; teardowns run and reports are written (repeat to quit now)\n`);
    controller.abort();
  });
}

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
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
