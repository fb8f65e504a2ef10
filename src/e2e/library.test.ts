import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(__dirname, "..", "..");
const LIBRARY = join(ROOT, "dist", "index.js");

/** The README's "Library" example, as a program against the built package. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Library\n"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("README's Library section has no ts example");
  return code;
}

describe("the README's library example (built package)", () => {
  it("runs a project from code and reports its status, totals and files", () => {
    if (!existsSync(LIBRARY)) throw new Error(`${LIBRARY} is missing: run \`npm run build\` (npm test does it in pretest)`);
    const dir = mkdtempSync(join(tmpdir(), "cc-library-"));
    const program = readmeExample()
      .replace('from "conversation-contract"', `from ${JSON.stringify(pathToFileURL(LIBRARY).href)}`)
      .replace('"--out", "reports"', `"--out", ${JSON.stringify(join(dir, "reports"))}`);
    writeFileSync(join(dir, "example.mjs"), program);
    const r = spawnSync(process.execPath, [join(dir, "example.mjs")], { cwd: ROOT, env: { PATH: process.env.PATH ?? "" }, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("✓ Contacts lifecycle [us] suites/contacts.yaml");
    expect(r.stdout).toMatch(/\npassed \{\n? *suites: 1,/);
    expect(JSON.parse(readFileSync(join(dir, "reports", "results.json"), "utf8")).footer.totals.failed).toBe(0);
  });
});
