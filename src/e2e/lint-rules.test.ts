import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

// `npm run lint` enforces the layout rules (README, "Development"); each rule is shown here to fail on a snippet that breaks it,
// and to pass on one that keeps it, with the repository's own eslint.config.mjs and knip.json.
const ROOT = resolve(__dirname, "..", "..");

/** One snippet linted as if it were the file at `path` (relative to the repository root; it need not exist). */
interface LintCase {
  path: string;
  code: string;
}

/** What ESLint reported for one case: the rule id (null for an unused disable directive) and its message. */
interface Finding {
  ruleId: string | null;
  severity: number;
  message: string;
}

/** What the ESLint child process reports: each case's findings, and the config's stage table. */
interface LintRun {
  findings: Finding[][];
  allowed: Record<string, string[]>;
}

// ESLint loads its flat config with import(), which jest's module sandbox refuses; so the Node API runs in a
// plain Node process, on every case at once.
const LINT_CASES = `
import { ESLint } from "eslint";
import { ALLOWED } from "./eslint.config.mjs";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const findings = [];
for (const c of JSON.parse(input)) {
  const [result] = await eslint.lintText(c.code, { filePath: c.path });
  findings.push(result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message })));
}
process.stdout.write(JSON.stringify({ findings, allowed: ALLOWED }));
`;

function lint(cases: LintCase[]): LintRun {
  const input = JSON.stringify(cases.map((c) => ({ ...c, path: join(ROOT, c.path) })));
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", LINT_CASES], { cwd: ROOT, input, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`ESLint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintRun;
}

/** The README's stage table (Development): folder -> the stages it may import. */
function readmeStageTable(): Record<string, string[]> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const lines = readme.slice(readme.indexOf("| folder | may import |")).split("\n").map((l) => l.trim());
  const end = lines.findIndex((l) => !l.startsWith("|"));
  const rows = lines.slice(2, end);
  const table: Record<string, string[]> = {};
  for (const row of rows) {
    const [folders = "", imports = ""] = row.split("|").slice(1).map((cell) => cell.trim());
    for (const [, folder] of folders.matchAll(/`(\w+)\/`/g)) table[folder!] = imports === "nothing" ? [] : imports.split(", ");
  }
  return table;
}

const complex = (branches: number) =>
  `export function pick(n: number): number {\n${Array.from({ length: branches }, (_, i) => `  if (n === ${i}) return ${i};`).join("\n")}\n  return -1;\n}\n`;

/** Each case, and the rule it must break (undefined: it must lint clean). */
const CASES: Array<LintCase & { name: string; breaks?: string }> = [
  { name: "report/ importing execute/", path: "src/report/virtual.ts", code: 'export { runPlan } from "../execute";\n', breaks: "import-x/no-restricted-paths" },
  { name: "check/ importing parse/", path: "src/check/virtual.ts", code: 'export { parseSuite } from "../parse";\n', breaks: "import-x/no-restricted-paths" },
  { name: "project/ importing every stage below it", path: "src/project/virtual.ts", code: 'export { runPlan } from "../execute";\nexport { buildPlan } from "../plan";\nexport { OPTIONS } from "../config";\n' },
  { name: "a test in report/ importing execute/", path: "src/report/virtual.test.ts", code: 'import { runPlan } from "../execute";\n\nit("runs", () => expect(runPlan).toBeDefined());\n' },
  { name: "product code importing src/testdata", path: "src/project/virtual.ts", code: 'export { JUNIT_XSD } from "../testdata";\n', breaks: "import-x/no-restricted-paths" },
  { name: "product code importing a testing/ helper", path: "src/execute/virtual.ts", code: 'export * from "./testing/builders";\n', breaks: "import-x/no-restricted-paths" },
  { name: "a testing/ helper importing src/testdata", path: "src/execute/testing/virtual.ts", code: 'export { JUNIT_XSD } from "../../testdata";\n' },
  { name: "plan/ importing config/'s code", path: "src/plan/virtual.ts", code: 'export { OPTIONS } from "../config";\n', breaks: "@typescript-eslint/no-restricted-imports" },
  { name: "plan/ importing config/'s types", path: "src/plan/virtual.ts", code: 'import type { Config } from "../config";\n\nexport type Seen = Config;\n' },
  { name: "process.exit in execute/", path: "src/execute/virtual.ts", code: "export function stop(): void {\n  process.exit(1);\n}\n", breaks: "no-restricted-properties" },
  { name: "process.exit in cli/", path: "src/cli/virtual.ts", code: "export function stop(): void {\n  process.exit(1);\n}\n" },
  { name: "setting process.exitCode in project/", path: "src/project/virtual.ts", code: "export function fail(): void {\n  process.exitCode = 1;\n}\n", breaks: "no-restricted-properties" },
  { name: "exit taken from node:process in emulator/", path: "src/emulator/virtual.ts", code: 'import { exit } from "node:process";\n\nexport const stop = () => exit(1);\n', breaks: "no-restricted-imports" },
  { name: "writing to stdout in report/", path: "src/report/virtual.ts", code: 'export function say(text: string): void {\n  process.stdout.write(text);\n}\n', breaks: "no-restricted-properties" },
  { name: "console.log in emulator/", path: "src/emulator/virtual.ts", code: 'export function say(text: string): void {\n  console.log(text);\n}\n', breaks: "no-console" },
  { name: "console.log in cli/", path: "src/cli/virtual.ts", code: 'export function say(text: string): void {\n  console.log(text);\n}\n' },
  { name: "a function of complexity 16", path: "src/parse/virtual.ts", code: complex(15), breaks: "complexity" },
  { name: "a function of complexity 15", path: "src/parse/virtual.ts", code: complex(14) },
  { name: "six positional parameters", path: "src/parse/virtual.ts", code: "export function six(a: number, b: number, c: number, d: number, e: number, f: number): number {\n  return a + b + c + d + e + f;\n}\n", breaks: "max-params" },
  { name: "a file over 300 lines", path: "src/parse/virtual.ts", code: Array.from({ length: 301 }, (_, i) => `export const v${i} = ${i};`).join("\n") + "\n", breaks: "max-lines" },
  { name: "an eslint-disable comment with nothing to suppress", path: "src/parse/virtual.ts", code: "// eslint-disable-next-line no-console\nexport const quiet = 1;\n", breaks: "unused-disable-directive" },
];

describe("npm run lint: ESLint (eslint.config.mjs)", () => {
  let findings: Finding[][] = [];
  let allowed: Record<string, string[]> = {};
  beforeAll(() => {
    ({ findings, allowed } = lint(CASES));
  }, 120_000);

  it.each(CASES.map((c, i) => [c.name, c, i] as const))("%s", (_name, c, i) => {
    const errors = (findings[i] ?? []).filter((f) => f.severity === 2).map((f) => f.ruleId ?? "unused-disable-directive");
    if (c.breaks) expect(errors).toContain(c.breaks);
    else expect(findings[i]).toEqual([]);
  });

  it("zones the stages as the README's table says", () => {
    const everything = Object.keys(allowed).filter((s) => s !== "cli");
    const readme = readmeStageTable();
    expect({ ...readme, cli: readme.cli?.[0] === "everything" ? everything : readme.cli }).toEqual(allowed);
    // a new stage folder must be given its zone
    const stageFolders = readdirSync(join(ROOT, "src"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !["e2e", "bench", "testdata"].includes(d.name)).map((d) => d.name);
    expect(Object.keys(allowed)).toEqual(expect.arrayContaining(stageFolders));
  });

  it("says which stages may be imported when a stage imports across a zone", () => {
    const [reportImportsExecute] = findings;
    expect(reportImportsExecute?.map((f) => f.message)).toEqual([expect.stringContaining("report/ may not import execute/")]);
  });
});

describe("npm run lint: knip (knip.json)", () => {
  const KNIP = join(ROOT, "node_modules", "knip", "bin", "knip.js");

  /** A tiny project with the repository's knip.json: the library entry exports `used` from a.ts. */
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "cc-knip-"));
    copyFileSync(join(ROOT, "knip.json"), join(dir, "knip.json"));
    const base = {
      "package.json": JSON.stringify({ name: "knip-case", version: "0.0.0", private: true, main: "dist/index.js" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { rootDir: "src", outDir: "dist", module: "node16", strict: true }, include: ["src"] }),
      "src/index.ts": 'export { used } from "./a";\n',
    };
    for (const [file, text] of Object.entries({ ...base, ...files })) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return dir;
  }

  function knip(files: Record<string, string>): { status: number | null; stdout: string } {
    const dir = project(files);
    try {
      const run = spawnSync(process.execPath, [KNIP, "--no-progress"], { cwd: dir, encoding: "utf8" });
      return { status: run.status, stdout: run.stdout };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("passes a project whose every export and file is used", () => {
    expect(knip({ "src/a.ts": "export const used = 1;\n" })).toEqual({ status: 0, stdout: expect.not.stringMatching(/Unused/) });
  });

  it("fails on an export nobody imports", () => {
    const run = knip({ "src/a.ts": "export const used = 1;\nexport const unusedThing = 2;\n" });
    expect(run).toEqual({ status: 1, stdout: expect.stringMatching(/Unused exports[\s\S]*unusedThing/) });
  });

  it("fails on a file nobody imports", () => {
    const run = knip({ "src/a.ts": "export const used = 1;\n", "src/orphan.ts": "export const lonely = 1;\n" });
    expect(run).toEqual({ status: 1, stdout: expect.stringMatching(/Unused files[\s\S]*src\/orphan\.ts/) });
  });
});
