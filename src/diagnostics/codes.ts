import { MATCHER_NAMES } from "../vocabulary/matchers";

/** What the catalog knows about one code. */
export interface DiagnosticCodeInfo {
  title: string;
  /** shown as `= hint:` when a diagnostic brings no hint of its own */
  hint: string;
  severity?: "error" | "warning";
}

/**
 * Every stable diagnostic code of the tool. Users and tests match on the code, never on the text,
 * so a code is never renamed or reused once published.
 */
export const DIAGNOSTIC_CODES = {
  // reading and parsing input
  CC_FILE_NOT_FOUND: { title: "file not found", hint: "check the path; it is resolved against the working directory" },
  CC_FILE_UNREADABLE: { title: "file cannot be read", hint: "check the file's permissions and that it is a regular file" },
  CC_NO_SUITES: { title: "no suites found", hint: "pass suite files or directories holding *.yaml / *.yml files" },
  CC_YAML_SYNTAX: { title: "invalid YAML", hint: "fix the YAML syntax at the position shown" },
  CC_INPUT_LIMIT: { title: "input over a limit", hint: "suites are bounded (file size, nesting, name length) so that a broken file stays cheap to check" },
  CC_SUITE_FORMAT: { title: "invalid suite", hint: "see schemas/suite.schema.json for the suite format" },
  CC_UNKNOWN_KEY: { title: "unknown key", hint: "remove the key or correct its spelling" },
  CC_MISSING_KEY: { title: "missing key", hint: "add the required key" },
  CC_WRONG_TYPE: { title: "wrong type", hint: "see schemas/suite.schema.json for the expected type" },
  CC_BAD_VALUE: { title: "invalid value", hint: "see schemas/suite.schema.json for the allowed values" },
  CC_COLLECTION_INVALID: { title: "invalid Postman collection", hint: "the collection must be valid Postman Collection v2.1 JSON" },
  CC_SCHEMA_INVALID: { title: "invalid JSON Schema", hint: "schemas must be valid JSON Schema 2020-12 with an $id" },
  CC_OPERATIONS_INVALID: { title: "invalid operation map", hint: "see schemas/operations.json for the expected shape" },
  // static checks of suites against the collection and the contract
  CC_UNKNOWN_REQUEST: { title: "unknown collection request", hint: "use a request id \"Folder/Name\" of the collection" },
  CC_UNKNOWN_SCHEMA: { title: "unknown schema", hint: "use the name of a schema in schemas/ (case and -/_ are ignored)" },
  CC_UNKNOWN_TRIGGER: { title: "unknown callback trigger", hint: "use a trigger with a schema in schemas/callbacks/, e.g. MESSAGE_DELIVERY" },
  CC_UNKNOWN_VARIABLE: { title: "undefined variable", hint: "capture it in an earlier step, declare it in `variables`, or export it from a needed suite" },
  CC_VARIABLE_BEFORE_CAPTURE: { title: "variable used before it is captured", hint: "move the step that captures it before this step" },
  CC_DUPLICATE_STEP: { title: "duplicate step name", hint: "step names must be unique within a suite" },
  CC_DUPLICATE_SUITE: { title: "duplicate suite id", hint: "suite ids are file stems and must be unique across the run" },
  CC_UNKNOWN_NEED: { title: "unknown suite in needs", hint: "`needs` names suites by file stem" },
  CC_NEEDS_CYCLE: { title: "cycle in needs", hint: "suites cannot need each other in a cycle; remove one of the `needs`" },
  CC_EXPORT_NEVER_SET: { title: "exported variable is never set", hint: "capture the variable in a step or declare it in `variables`" },
  CC_BAD_MATCHER: { title: "invalid matcher", hint: `a matcher is a plain value or exactly one of ${MATCHER_NAMES.join(", ")}` },
  CC_BAD_JSONPATH: { title: "invalid JSONPath", hint: "write a JSONPath such as $.id, $.items[0].name or $..status" },
  CC_BAD_TEMPLATE: { title: "malformed variable", hint: "write a variable as {{NAME}}: two braces, a name without spaces or braces, two braces" },
  CC_BAD_REGEX: { title: "invalid regular expression", hint: "`matches` takes a JavaScript regular expression" },
  CC_REQUEST_AND_INLINE: { title: "step has both a collection request and an inline request", hint: "use either `request` or `method` + `url`, not both" },
  CC_NO_REQUEST: { title: "step has no request", hint: "give the step `request: Folder/Name`, or `method` and `url`, or `callback`" },
  CC_CALLBACK_UNSUPPORTED: { title: "callbacks cannot reach this run", hint: "pass --callback-url with a public URL that forwards to this machine, or select suites without callback steps (--tag/--grep)" },
  // configuration and command line
  CC_UNKNOWN_COMMAND: { title: "unknown command", hint: "run `conversation-contract --help` for the commands" },
  CC_BAD_OPTION: { title: "invalid option", hint: "run `conversation-contract --help` for the options" },
  CC_MISSING_CREDENTIAL: { title: "missing credential", hint: "set SINCH_CLIENT_ID, SINCH_CLIENT_SECRET and SINCH_PROJECT_ID (or use --env FILE)" },
  CC_BAD_ENV_FILE: { title: "invalid environment file", hint: "--env takes a Postman environment export ({\"values\": [...]}); a .env file holds KEY=value lines" },
  CC_TARGET_UNREACHABLE: { title: "target unreachable", hint: "check the target URL and your network connection" },
  CC_CREDENTIALS_REJECTED: { title: "credentials rejected", hint: "check the client id and secret for this region; keys are regional" },
  CC_PORT_IN_USE: { title: "port cannot be used", hint: "pick another --port, or 0 for a free one; stop the process that holds it" },
  CC_REPORT_WRITE: { title: "report could not be written", hint: "check that --out names a writable directory (not a file) with free space" },
  CC_NOTHING_SELECTED: { title: "no suite selected", hint: "check the tag, exclude-tag, grep and region filters" },
  CC_EMPTY_SHARD: { title: "this shard holds no suite", hint: "fewer shards than groups of suites (suites linked by needs stay together) leave none empty", severity: "warning" },
  // the regression gate: results files and the accept file
  CC_NOT_RESULTS: { title: "not a results file", hint: "compare reads reports/results.json as `conversation-contract run` wrote it (one suite per line; a file reformatted with `jq .` cannot be read)" },
  CC_RESULTS_VERSION: { title: "results file of another format version", hint: "re-run with this version to record a baseline" },
  CC_SHARD_SET: { title: "results files are not every shard of one run", hint: "merge the results.json of every shard of one run (same plan, same tool version), each once" },
  CC_BAD_ACCEPT: { title: "invalid accept file", hint: "each entry of `accept:` needs `fingerprint` (or `suite`/`step`/`path`/`class`/`operation`/`region` patterns), a `reason` and an `until: YYYY-MM-DD`" },
  // runtime step errors (tool or network problems, not contract failures)
  CC_UNRESOLVED_VARIABLE: { title: "unresolved variable", hint: "the variable had no value when the step ran; check the step that should capture it" },
  CC_NETWORK_ERROR: { title: "network error", hint: "the connection failed; check the target and retry" },
  CC_TIMEOUT: { title: "request timed out", hint: "raise the request timeout or check the target's health" },
  CC_TOKEN_FAILED: { title: "could not obtain an access token", hint: "check AUTH_URL and the credentials for this region" },
  CC_INTERRUPTED: { title: "run interrupted", hint: "a signal (SIGINT or SIGTERM) stopped the command before this finished" },
  CC_NEWMAN_MISSING: { title: "newman cannot be loaded", hint: "the newman command runs the newman library: npm install --save-dev newman@6" },
  CC_INTERNAL: { title: "internal error", hint: "this is a bug in conversation-contract; please report it" },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** A code of the catalog. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Whether a string is a code of the catalog. */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
