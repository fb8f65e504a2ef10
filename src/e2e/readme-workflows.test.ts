import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { resolveConfig } from "../config";

const ROOT = resolve(__dirname, "..", "..");
const README = readFileSync(resolve(ROOT, "README.md"), "utf8");

/** Sample values for what CI systems fill in; a workflow using anything else fails the test until it is added here. */
const CI_VALUES: Array<[RegExp, string]> = [
  [/\$\{\{\s*matrix\.shard\s*\}\}/g, "2"],
  [/\$CI_NODE_INDEX\b/g, "2"],
  [/\$CI_NODE_TOTAL\b/g, "3"],
];

/** The README's ```yaml blocks whose first line names a CI file (a GitHub workflow, .gitlab-ci.yml), parsed. */
function workflows(): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const m of README.matchAll(/^```yaml\n# (\S+)\n([\s\S]*?)^```$/gm)) {
    if (m[1]!.startsWith(".github/workflows/") || m[1] === ".gitlab-ci.yml") found.set(m[1]!, parse(m[2]!));
  }
  return found;
}

/** Every shell line of a workflow: GitHub's `run:` and GitLab's `script:` lists, wherever they are. */
function shellLines(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(shellLines);
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === "run" && typeof value === "string") return value.split("\n");
    if (["script", "before_script", "after_script"].includes(key) && Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
    return shellLines(value);
  });
}

/** The argv of a `npx conversation-contract ...` line, CI variables filled in (the lines hold no quotes, so words split on spaces). */
function argvOf(line: string): string[] {
  let text = line.trim();
  for (const [pattern, value] of CI_VALUES) text = text.replace(pattern, value);
  expect(text).not.toMatch(/[$"'`\\]/);
  const words = text.split(/\s+/);
  return words.slice(words.indexOf("conversation-contract") + 1);
}

describe("the README's CI workflows", () => {
  const files = workflows();

  it("has a GitHub Actions workflow (matrix, upload, merge, gate) and a GitLab CI file (parallel, junit report)", () => {
    expect([...files.keys()]).toEqual([".github/workflows/contract.yml", ".gitlab-ci.yml"]);
    const github = files.get(".github/workflows/contract.yml") as { jobs: Record<string, { strategy?: { matrix?: { shard?: number[] } }; needs?: string }> };
    expect(github.jobs.shard?.strategy?.matrix?.shard).toEqual([1, 2, 3]);
    expect(github.jobs.merge?.needs).toBe("shard");
    const gitlab = files.get(".gitlab-ci.yml") as Record<string, { parallel?: number; artifacts?: { reports?: { junit?: string } } }>;
    expect(gitlab.contract?.parallel).toBe(3);
    expect(gitlab.merge?.artifacts?.reports?.junit).toBe("reports/merged/junit.xml");
  });

  it.each([".github/workflows/contract.yml", ".gitlab-ci.yml"])("%s: every conversation-contract command parses and checks with the CLI's own parser", (name) => {
    const commands = shellLines(files.get(name)).filter((line) => /\bconversation-contract\b/.test(line));
    expect(commands.map((line) => argvOf(line)[0])).toEqual(["run", "merge"]);
    for (const line of commands) {
      const argv = argvOf(line);
      const { config, diagnostics } = resolveConfig({ argv, env: {}, cwd: ROOT });
      expect({ line, diagnostics }).toEqual({ line, diagnostics: [] });
      if (config!.command === "merge") expect(config!.suites.length).toBeGreaterThan(0);
      if (config!.command === "run") expect(config!.shard).toEqual({ index: 2, total: 3 });
    }
  });

  it("would catch a command the CLI rejects", () => {
    const { diagnostics } = resolveConfig({ argv: argvOf("npx conversation-contract merge a.json --shard-timings b.json"), env: {}, cwd: ROOT });
    expect(diagnostics.map((d) => d.message)).toEqual(['option --shard-timings does not apply to "merge"']);
  });
});
