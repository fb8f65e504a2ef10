// Rules a tool can check: the import zones of the stage table (README, "Development"), only cli/ prints or exits, product code
// never reaches into test helpers or test data, and caps on complexity and size. Unused exports, files and
// dependencies are knip's job (knip.json); `npm run lint` runs both. src/e2e/lint-rules.test.ts shows each rule fails.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";

const ROOT = import.meta.dirname;

const STAGES = ["model", "vocabulary", "diagnostics", "config", "load", "parse", "contract", "check", "plan", "execute", "report", "gate", "emulator", "project", "cli"];
/** What each stage may import besides itself (the README's stage table); vocabulary/ is a leaf importing only model/ that every stage may use. */
export const ALLOWED = {
  model: [],
  vocabulary: ["model"],
  diagnostics: ["model", "vocabulary"],
  config: ["model", "vocabulary", "diagnostics"],
  load: ["model", "vocabulary", "diagnostics"],
  parse: ["model", "vocabulary", "diagnostics"],
  contract: ["model", "vocabulary", "diagnostics", "load"],
  check: ["model", "vocabulary", "diagnostics", "contract"],
  plan: ["model", "vocabulary", "diagnostics"],
  execute: ["model", "vocabulary", "diagnostics", "contract"],
  report: ["model", "vocabulary", "diagnostics"],
  gate: ["model", "vocabulary", "diagnostics"],
  emulator: ["model", "vocabulary", "diagnostics", "parse", "load", "contract"],
  project: STAGES.filter((s) => s !== "project" && s !== "cli"),
  cli: STAGES.filter((s) => s !== "cli"),
};
/** Stages that may use config/'s types, never its code (a type-only import is checked below, not by the zones). */
const CONFIG_TYPES = ["plan", "execute"];

const stageZones = Object.entries(ALLOWED).flatMap(([stage, allowed]) =>
  STAGES.filter((s) => s !== stage && !allowed.includes(s) && !(CONFIG_TYPES.includes(stage) && s === "config")).map((s) => ({
    target: `./src/${stage}`,
    from: `./src/${s}`,
    message: ` ${stage}/ may not import ${s}/: imports run one way, down the pipeline; ${stage}/ may import ${allowed.join(", ") || "nothing"}.`,
  })),
);
/** Test-only code: tests may import anything, product code may import none of it. */
const TEST_ONLY = ["src/**/*.test.ts", "src/**/testing/**", "src/e2e/**", "src/bench/**", "src/testdata/**"];
const testOnlyZones = [
  { target: "./src", from: "./src/testdata", message: " Test data is for tests; product code ships without it." },
  { target: "./src", from: "./src/e2e", message: " End-to-end tests are not product code." },
  { target: "./src", from: "./src/bench", message: " Benchmarks are not product code." },
  { target: "./src", from: "./src/**/testing/**", message: " testing/ helpers are for tests; product code ships without them." },
];

const TERMINAL = "only cli/ writes to the terminal: emit an event, return text or a diagnostic";
const EXIT = "only cli/ exits or sets the exit code: return an outcome instead";
const PROCESS_IMPORTS = ["exit", "exitCode", "abort", "stdout", "stderr"];

export default defineConfig(
  { ignores: ["dist/**", ".bench/**", "node_modules/**", "reports/**", "coverage/**"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  {
    files: ["src/**/*.ts"],
    extends: [tseslint.configs.recommended],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".js", ".json"] } } },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      complexity: ["error", 15],
      "max-depth": ["error", 4],
      "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "max-params": ["error", 5],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: TEST_ONLY,
    rules: { "import-x/no-restricted-paths": ["error", { basePath: ROOT, zones: [...stageZones, ...testOnlyZones] }] },
  },
  {
    files: CONFIG_TYPES.map((s) => `src/${s}/**/*.ts`),
    ignores: TEST_ONLY,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{ group: ["**/config", "**/config/*"], allowTypeImports: true, message: "plan/ and execute/ may use config/'s types, not its code: they get resolved values, never read options." }],
      }],
    },
  },
  {
    // undici's rule: library code never exits; and only the CLI owns the terminal
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**", ...TEST_ONLY],
    rules: {
      "no-console": "error",
      "no-restricted-properties": ["error",
        { object: "process", property: "exit", message: EXIT },
        { object: "process", property: "exitCode", message: EXIT },
        { object: "process", property: "abort", message: EXIT },
        { object: "process", property: "stdout", message: TERMINAL },
        { object: "process", property: "stderr", message: TERMINAL },
      ],
      "no-restricted-imports": ["error", {
        paths: ["process", "node:process"].map((name) => ({ name, importNames: PROCESS_IMPORTS, message: `${EXIT}; ${TERMINAL}` })),
      }],
    },
  },
  {
    files: TEST_ONLY,
    rules: { "max-lines": "off", "max-lines-per-function": "off", complexity: "off", "max-params": "off", "max-depth": "off" },
  },
);
