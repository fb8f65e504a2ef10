import type { GateReport, RunEvents, RunHeader } from "../model";
import { DiagnosticError, makeDiagnostic, type Redactor } from "../diagnostics";
import type { ReporterName } from "../vocabulary/reporters";
import { createConsoleReporter } from "./console-reporter";
import { createJsonReporter } from "./json-reporter";
import { createJunitReporter } from "./junit-reporter";

/** A reporter: a listener on run events, told at the end which report files were written. */
export interface Reporter extends RunEvents {
  /** after every reporter's onRunEnd: the report files written, as shown to the user */
  onReportsWritten?(paths: string[]): void;
  /** stops live output when a run ends without onRunEnd (a crash) */
  close?(): void;
  /** after onRunEnd, when a gate compared the run with a baseline: the gate's report */
  onGateReport?(report: GateReport): void | Promise<void>;
}

/** Where the console reporter writes: the CLI binds it to stdout and says whether that is a live terminal. */
export interface ConsoleOutput {
  write(text: string): void;
  /** live progress redrawn in place; false prints one line per finished suite */
  tty: boolean;
  color: boolean;
  columns?: number;
}

/** What every reporter factory is given. */
export interface ReporterContext {
  outDir: string;
  redactor: Redactor;
  /** a reporter calls it with the path of each file it wrote */
  onWritten(path: string): void;
  /** needed by the console reporter only */
  console?: ConsoleOutput;
  /** the folder suite paths are relative to (the HTML report reads suite lines around failures) */
  cwd?: string;
  /** the run's header when known at its start (reporters that write as the run goes show it first) */
  header?: RunHeader;
  /** aborted when the run is interrupted (results.json's footer says so) */
  signal?: AbortSignal;
}

/** Makes one reporter for a run. */
export type ReporterFactory = (ctx: ReporterContext) => Reporter;

/** Every reporter by name: a new reporter is one factory here and one name in vocabulary/reporters.ts. */
export const REPORTER_FACTORIES: Readonly<Record<ReporterName, ReporterFactory>> = {
  console: (ctx) => createConsoleReporter({ ...consoleOutput(ctx), redactor: ctx.redactor }),
  junit: (ctx) => createJunitReporter(ctx),
  json: (ctx) => createJsonReporter(ctx),
  html: (ctx) => {
    // loaded when asked for: the page's assets are most of the report code a run would otherwise load
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createHtmlReporter }: typeof import("./html") = require("./html");
    return createHtmlReporter(ctx);
  },
};

function consoleOutput(ctx: ReporterContext): ConsoleOutput {
  if (ctx.console) return ctx.console;
  throw new DiagnosticError(makeDiagnostic("CC_BAD_OPTION", 'reporter "console" has nowhere to write',
    undefined, "give the run a console output (write, tty, color), or leave console out of --reporter"));
}

/** The named reporters, in the order given. */
export function createReporters(names: readonly ReporterName[], ctx: ReporterContext): Reporter[] {
  return names.map((name) => REPORTER_FACTORIES[name](ctx));
}
