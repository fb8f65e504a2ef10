import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { GateReport } from "../model";
import { tempDir } from "../gate/testing/records";
import { runBuiltCli } from "./cli-process";

/*
 * README "Gate an upgrade", run as written (npx conversation-contract -> the built CLI) in an empty directory:
 * the full main job on /v1beta/, again on /v1/ gated against the first, then the accept file, check and compare.
 * (readme-commands.test.ts skips these lines: they need the accept file and each other's output.) It is also the
 * proof that an unchanged second run of the full main job gives no finding at all: ids, timestamps, the order
 * suites finish in and the API version differ between the two runs, and none of it may show.
 */

const README = readFileSync(resolve(__dirname, "..", "..", "README.md"), "utf8");

/** The section's fenced blocks of one language, in order. */
function blocks(section: string, lang: string): string[] {
  return [...section.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
}

function gateSection(): string {
  const start = README.indexOf("### Gate an upgrade");
  const end = README.indexOf("\n## ", start);
  expect(start).toBeGreaterThan(0);
  return README.slice(start, end < 0 ? undefined : end);
}

/** `npx conversation-contract ARGS` lines of a shell block, as argv (the README's arguments hold no quotes or spaces). */
function commands(block: string): string[][] {
  return block.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("npx conversation-contract "))
    .map((l) => l.replace(/\s+#.*$/, "").split(/\s+/).slice(2));
}

describe("README: Gate an upgrade (built CLI, the full main job twice)", () => {
  it("works as written, and the v1beta and v1 runs of every suite compare without a single finding", async () => {
    const cwd = tempDir("cc-upgrade-");
    const [runs, again] = blocks(gateSection(), "sh").map(commands);
    const [acceptYaml] = blocks(gateSection(), "yaml");
    expect(runs!.map((argv) => argv[0])).toEqual(["run", "run"]);
    for (const argv of runs!) {
      const r = await runBuiltCli(argv, { cwd, env: { CI: "true" } });
      expect({ argv, stderr: r.stderr, code: r.code }).toEqual({ argv, stderr: "", code: 0 });
    }
    const first = JSON.parse(readFileSync(join(cwd, "reports", "v1", "gate.json"), "utf8")) as GateReport;
    expect(first.baseline).toMatchObject({ apiVersion: "v1beta", truncated: false, interrupted: false });
    expect(first.candidate).toMatchObject({ apiVersion: "v1", stepsRun: first.baseline.stepsRun });
    expect(first.baseline.stepsRun).toBeGreaterThan(500);
    expect(first.findings).toEqual([]);
    expect(first.verdict.summary).toBe("gate passed: 0 regressions, 0 changes, 0 improvements");

    const acceptFile = acceptYaml!.split("\n")[0]!.replace(/^#\s*/, "");
    writeFileSync(join(cwd, acceptFile), acceptYaml!);
    expect(again!.map((argv) => argv[0])).toEqual(["check", "compare"]);
    for (const argv of again!) {
      const r = await runBuiltCli(argv, { cwd, env: { CI: "true" } });
      expect({ argv, stderr: r.stderr, code: r.code }).toEqual({ argv, stderr: "", code: 0 });
    }
    const second = JSON.parse(readFileSync(join(cwd, "reports", "gate", "gate.json"), "utf8")) as GateReport;
    expect(second.counts).toMatchObject({ regressions: 0, stale: 2 });
  }, 180_000);
});
