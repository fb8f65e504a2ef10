import { resolve } from "node:path";
import { runBuiltCli } from "./cli-process";

const ROOT = resolve(__dirname, "..", "..");

/** The suite name of each `--verbose` exchange header ("Contacts lifecycle [us] › create contact"), in order. */
function exchangeSuites(lines: string[]): Array<{ suite: string; line: number }> {
  return lines.flatMap((text, line) => {
    const m = /^(.+) \[us\] › /.exec(text);
    return m && lines[line + 1]?.startsWith("> ") ? [{ suite: m[1]!, line }] : [];
  });
}

describe("progress while a run goes (issue 9.2, built CLI, in-process emulator)", () => {
  it("prints a suite's line when it finishes: the first suite's line comes before the last suite starts", async () => {
    const suites = ["suites/contacts.yaml", "suites/apps.yaml", "suites/webhooks.yaml", "suites/project-settings.yaml"];
    const r = await runBuiltCli(["run", ...suites, "--region", "us", "--concurrency", "1", "--verbose", "--reporter", "console"], {
      cwd: ROOT, env: { CI: "true" },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const exchanges = exchangeSuites(lines);
    const order = [...new Set(exchanges.map((e) => e.suite))];
    expect(order).toHaveLength(suites.length);
    const lastStarts = exchanges.find((e) => e.suite === order.at(-1))!.line;
    const firstDone = lines.findIndex((l) => /^✓ /.test(l));
    expect(lines[firstDone]).toContain(order[0]);
    expect(firstDone).toBeLessThan(lastStarts);
    // every suite's line comes before the next suite's first request
    for (let i = 0; i + 1 < order.length; i++) {
      const done = lines.findIndex((l) => l.startsWith(`✓ ${order[i]} [us]`));
      expect(done).toBeLessThan(exchanges.find((e) => e.suite === order[i + 1])!.line);
    }
  }, 60_000);
});
