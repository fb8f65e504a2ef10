import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runBuiltCli } from "./cli-process";

const ROOT = resolve(__dirname, "..", "..");

/** A suite whose second step expects a status the emulator does not answer (line 6), and that leaves its contact behind. */
function failingSuite(dir: string): string {
  const file = join(dir, "wrong-status.yaml");
  writeFileSync(file, [
    "name: Wrong status",
    "steps:",
    "  - name: create",
    "    request: Contacts/Create contact",
    "    body: { channel_identities: [{ channel: SMS, identity: '46701113333' }], language: EN_US }",
    "  - name: expects a 201",
    "    request: Contacts/List contacts",
    "    expect: { status: 201 }",
    "",
  ].join("\n"));
  return file;
}

describe("a run inside GitHub Actions (built CLI)", () => {
  it("prints an ::error annotation per failing step at its suite line and appends the run's summary to $GITHUB_STEP_SUMMARY", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-gh-run-"));
    const suite = failingSuite(dir);
    const summary = join(dir, "summary.md");
    const env = { CI: "true", GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary };
    const r = await runBuiltCli(["run", suite, "--region", "us", "--out", join(dir, "reports"), "--no-color"], { cwd: ROOT, env });
    expect(r.code).toBe(1);
    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations).toEqual([
      expect.stringMatching(new RegExp(`^::error file=${suite.replace(/[.]/g, "\\.")},line=6,col=5,title=Wrong status \\[us\\] › expects a 201::expected status 201, got 200`)),
      expect.stringMatching(/^::error file=.*wrong-status\.yaml,line=1,col=1,title=Emulator state after the run \[all\] › teardown%3A nothing left behind by wrong-status@us::1 contacts left in us/),
    ]);
    const markdown = readFileSync(summary, "utf8");
    expect(markdown).toMatch(/^### conversation-contract: 2 failed, 0 errors\n/);
    expect(markdown).toContain("| Wrong status [us] › expects a 201 |");

    const plain = await runBuiltCli(["run", suite, "--region", "us", "--out", join(dir, "plain"), "--no-color"], { cwd: ROOT, env: { CI: "true" } });
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toContain("::error");
  }, 60_000);
});
