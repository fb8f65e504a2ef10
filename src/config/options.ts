import { API_VERSIONS, DEFAULT_API_VERSION } from "../vocabulary/api-versions";
import { AUTH_MODES, REGIONS } from "../vocabulary/regions";
import { DEFAULT_REPORTERS, REPORTER_NAMES } from "../vocabulary/reporters";

/** The commands the CLI knows (`help COMMAND` is read as `COMMAND --help`). */
export type CommandName = "run" | "check" | "emulator" | "coverage" | "compare" | "merge";

/**
 * How an option's value is written: "list" splits on commas and repeats ("--tag a,b --tag c"); "repeat" only
 * repeats, for values that may hold commas (file paths); "pairs" repeats KEY=VALUE; "number" may have a fraction.
 */
export type OptionType = "string" | "boolean" | "int" | "number" | "list" | "repeat" | "pairs";

/** One option, declared once: it drives argv parsing, the environment, the config file and --help. */
export interface OptionSpec {
  /** long flag name without dashes, e.g. "retry-budget-ms" */
  flag: string;
  /** key in the resolved config */
  key: keyof OptionValues;
  type: OptionType;
  /** placeholder shown in --help */
  valueName?: string;
  short?: string;
  env?: string;
  description: string;
  /** commands that accept it; absent = every command */
  commands?: CommandName[];
}

/** Values every option can take once resolved (before targets and credentials). */
export interface OptionValues {
  target: string;
  /** Postman environment files: FILE (every region) or REGION=FILE */
  env: string[];
  /** run variables, KEY=VALUE */
  var: string[];
  region?: string[];
  tag: string[];
  excludeTag: string[];
  grep?: string;
  concurrency: number;
  shard?: string;
  shardTimings?: string;
  bail: boolean;
  verbose: boolean;
  reporter: string[];
  out: string;
  strict: boolean;
  callbackUrl?: string;
  /** HOST:PORT the webhook receiver listens on */
  callbackListen: string;
  retries: number;
  retryBudgetMs: number;
  timeout: number;
  collections?: string;
  schemas?: string;
  port: number;
  apiVersion: string;
  /** where tokens come from: each region's token endpoint, or the global one */
  auth: string;
  baseline?: string;
  accept?: string;
  failOn: string;
  minSteps: number;
  gateWarnOnly: boolean;
  latencyRatio: number;
  latencyFloorMs: number;
  json: boolean;
  parity: boolean;
  noColor: boolean;
  help: boolean;
  version: boolean;
}

/** Defaults of every option that has one. */
export const DEFAULTS: Readonly<OptionValues> = Object.freeze({
  target: "emulator",
  env: [],
  var: [],
  tag: [],
  excludeTag: [],
  concurrency: 4,
  bail: false,
  verbose: false,
  reporter: [...DEFAULT_REPORTERS],
  out: "reports",
  strict: false,
  callbackListen: "127.0.0.1:0",
  retries: 3,
  retryBudgetMs: 30000,
  timeout: 15000,
  port: 0,
  apiVersion: DEFAULT_API_VERSION,
  auth: "regional",
  failOn: "regression",
  minSteps: 0,
  gateWarnOnly: false,
  latencyRatio: 1.5,
  latencyFloorMs: 50,
  json: false,
  parity: false,
  noColor: false,
  help: false,
  version: false,
});

const RUN: CommandName[] = ["run"];
const PROJECT: CommandName[] = ["run", "check", "coverage"];
const SERVE: CommandName[] = ["emulator"];
const GATE: CommandName[] = ["run", "compare", "merge"];

/** The option table. Order here is the order in --help. */
export const OPTIONS: readonly OptionSpec[] = [
  { flag: "target", key: "target", type: "string", valueName: ["emulator", ...REGIONS, "URL"].join("|"), env: "CC_TARGET", commands: RUN,
    description: "where requests go: the in-process emulator, a Sinch region, or a base URL" },
  { flag: "env", key: "env", type: "repeat", valueName: "[REGION=]FILE", env: "CC_ENV_FILE", commands: PROJECT,
    description: "Postman environment JSON; its values are variables, BASE_URL, AUTH_URL, TEMPLATE_BASE_URL, REGION and PROJECT shape the target; REGION=FILE gives one region its own file (repeatable)" },
  { flag: "var", key: "var", type: "pairs", valueName: "KEY=VALUE", commands: PROJECT,
    description: "a run variable every step sees (repeatable)" },
  { flag: "region", key: "region", type: "list", valueName: "us,eu", env: "CC_REGION", commands: RUN,
    description: "regions to run (default: us,eu on the emulator, the target's region otherwise)" },
  { flag: "tag", key: "tag", type: "list", valueName: "T", env: "CC_TAG", commands: RUN,
    description: "run only suites with one of these tags (repeatable or comma-separated)" },
  { flag: "exclude-tag", key: "excludeTag", type: "list", valueName: "T", env: "CC_EXCLUDE_TAG", commands: RUN,
    description: "leave out suites with one of these tags, and the suites that need them" },
  { flag: "grep", key: "grep", type: "string", valueName: "TEXT", env: "CC_GREP", commands: RUN,
    description: "run only suites whose name, file or any step name contains TEXT (case-insensitive); a matching suite runs whole" },
  { flag: "concurrency", key: "concurrency", type: "int", valueName: "N", env: "CC_CONCURRENCY", commands: RUN,
    description: "suites run at once" },
  { flag: "shard", key: "shard", type: "string", valueName: "I/N", env: "CC_SHARD", commands: RUN,
    description: "run shard I of N (1-based), for splitting a run across CI jobs; suites linked by needs stay together" },
  { flag: "shard-timings", key: "shardTimings", type: "string", valueName: "FILE", env: "CC_SHARD_TIMINGS", commands: RUN,
    description: "an earlier results.json: --shard balances shards by its suite durations (a suite it lacks counts as the average)" },
  { flag: "bail", key: "bail", type: "boolean", env: "CC_BAIL", commands: RUN,
    description: "stop starting new suites after the first failure (teardowns still run)" },
  { flag: "verbose", key: "verbose", type: "boolean", env: "CC_VERBOSE", commands: RUN,
    description: "print every request and response as it happens (redacted)" },
  { flag: "reporter", key: "reporter", type: "list", valueName: REPORTER_NAMES.join(","), env: "CC_REPORTER", commands: RUN,
    description: "reporters to use" },
  { flag: "out", key: "out", type: "string", valueName: "DIR", env: "CC_OUT", commands: GATE,
    description: "directory for junit.xml and results.json (and gate.json, gate.md, gate.xml)" },
  { flag: "strict", key: "strict", type: "boolean", env: "CC_STRICT", commands: RUN,
    description: "treat schema drift (unknown properties) as failures" },
  { flag: "callback-url", key: "callbackUrl", type: "string", valueName: "URL", env: "CC_CALLBACK_URL", commands: RUN,
    description: "public URL that forwards to the run's webhook receiver (real regions)" },
  { flag: "callback-listen", key: "callbackListen", type: "string", valueName: "HOST:PORT", env: "CC_CALLBACK_LISTEN", commands: RUN,
    description: "where the webhook receiver listens (port 0 = a free port); aim a tunnel at it" },
  { flag: "retries", key: "retries", type: "int", valueName: "N", env: "CC_RETRIES", commands: RUN,
    description: "retries of a request after 5xx, 429 or a dropped connection (exponential back-off)" },
  { flag: "retry-budget-ms", key: "retryBudgetMs", type: "int", valueName: "MS", env: "CC_RETRY_BUDGET_MS", commands: RUN,
    description: "total time one request may take including retries and waits" },
  { flag: "timeout", key: "timeout", type: "int", valueName: "MS", env: "CC_TIMEOUT", commands: RUN,
    description: "timeout of one HTTP attempt in milliseconds" },
  { flag: "collections", key: "collections", type: "string", valueName: "DIR", env: "CC_COLLECTIONS", commands: PROJECT,
    description: "Postman collections directory (default: the package's collections/)" },
  { flag: "schemas", key: "schemas", type: "string", valueName: "DIR", env: "CC_SCHEMAS", commands: PROJECT,
    description: "schemas directory with operations.json (default: the package's schemas/)" },
  { flag: "api-version", key: "apiVersion", type: "string", valueName: API_VERSIONS.join("|"), env: "CC_API_VERSION", commands: RUN,
    description: "path version of the Conversation API the collection's URLs use ({{API_VERSION}})" },
  { flag: "auth", key: "auth", type: "string", valueName: AUTH_MODES.join("|"), env: "CC_AUTH", commands: RUN,
    description: "token endpoint of the us/eu/br targets and the emulator: each region's own (its tokens only work there), or the global one whose tokens every region accepts" },
  { flag: "baseline", key: "baseline", type: "string", valueName: "FILE", env: "CC_BASELINE", commands: ["run", "merge"],
    description: "after the run (or merge), compare its results.json with this one (the regression gate; the exit code is the gate's)" },
  { flag: "accept", key: "accept", type: "string", valueName: "FILE", env: "CC_ACCEPT", commands: ["run", "compare", "merge", "check"],
    description: "accept file of known differences (default: conversation-contract.accept.yaml when present)" },
  { flag: "fail-on", key: "failOn", type: "string", valueName: "regression|change", env: "CC_FAIL_ON", commands: GATE,
    description: "what fails the gate: regressions only, or changes too" },
  { flag: "min-steps", key: "minSteps", type: "int", valueName: "N", env: "CC_MIN_STEPS", commands: GATE,
    description: "fail the gate when fewer steps than N ran in the candidate" },
  { flag: "gate-warn-only", key: "gateWarnOnly", type: "boolean", env: "CC_GATE_WARN_ONLY", commands: GATE,
    description: "report every finding but let the gate pass (one break-glass build)" },
  { flag: "latency-ratio", key: "latencyRatio", type: "number", valueName: "R", env: "CC_LATENCY_RATIO", commands: GATE,
    description: "an operation is slower when its median grew past R times the baseline's ..." },
  { flag: "latency-floor-ms", key: "latencyFloorMs", type: "int", valueName: "MS", env: "CC_LATENCY_FLOOR_MS", commands: GATE,
    description: "... and by more than MS milliseconds (fewer than 3 samples: no verdict)" },
  { flag: "port", key: "port", type: "int", valueName: "N", env: "CC_PORT", commands: SERVE,
    description: "port to serve on (0 = a free port)" },
  { flag: "json", key: "json", type: "boolean", commands: SERVE,
    description: "print the emulator's addresses as one JSON line" },
  { flag: "parity", key: "parity", type: "boolean", commands: SERVE,
    description: "print the parity table (per operation: statuses, how each is validated, known gaps) and what the emulator does not emulate, then exit (with --json: as one JSON line)" },
  { flag: "no-color", key: "noColor", type: "boolean",
    description: "plain output without ANSI colors (NO_COLOR does the same; FORCE_COLOR=1 colors a pipe too)" },
  { flag: "help", key: "help", type: "boolean", short: "h", description: "show help" },
  { flag: "version", key: "version", type: "boolean", short: "v", description: "print the version" },
];

/** What each command does, for --help; `help [COMMAND]` is listed with them. */
export const COMMANDS: Record<CommandName, { usage: string; summary: string }> = {
  run: { usage: "run [SUITE...]", summary: "run suites (default: the package's suites/) and write reports" },
  check: { usage: "check [SUITE...]", summary: "report everything a run would reject, without sending a request" },
  emulator: { usage: "emulator [--port N] [--json] [--parity]", summary: "serve the Conversation API emulator until interrupted" },
  coverage: { usage: "coverage [SUITE...]", summary: "which operations and status codes the suites exercise" },
  compare: { usage: "compare BASELINE CANDIDATE", summary: "the regression gate: compare two results.json files (exit 1 on a regression)" },
  merge: { usage: "merge RESULTS...", summary: "one results.json, junit.xml and report.html from the results.json of every shard of a run" },
};
