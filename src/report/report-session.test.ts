import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GateReport } from "../model";
import { createRedactor, DiagnosticError } from "../diagnostics";
import { REPORTER_NAMES } from "../vocabulary/reporters";
import { REPORTER_FACTORIES } from "./registry";
import { openReports, writeReports, type ReportSettings } from "./report-session";
import { sampleMixedRun } from "./testing/sample-result";

const SECRET = "s3cr3t-client-value";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

function settings(over: Partial<ReportSettings> = {}): ReportSettings & { printed: () => string } {
  let printed = "";
  const cwd = mkdtempSync(join(tmpdir(), "cc-session-"));
  return {
    names: ["console", "junit", "json"], outDir: join(cwd, "reports"), cwd, redactor: createRedactor([SECRET, TOKEN]),
    console: { write: (t) => (printed += t), tty: false, color: false },
    printed: () => printed,
    ...over,
  };
}

describe("reporter registry", () => {
  it("has a factory for every reporter name and nothing else", () => {
    expect(Object.keys(REPORTER_FACTORIES).sort()).toEqual([...REPORTER_NAMES].sort());
  });

  it("refuses the console reporter without an output, as a diagnostic", () => {
    const s = settings({ console: undefined });
    expect(() => openReports(s)).toThrow(DiagnosticError);
    try {
      openReports(s);
    } catch (e) {
      expect((e as DiagnosticError).diagnostics[0]).toMatchObject({ code: "CC_BAD_OPTION", message: 'reporter "console" has nowhere to write' });
    }
    expect(() => openReports({ ...s, names: ["junit", "json"] })).not.toThrow();
  });
});

describe("report sessions", () => {
  it("writes each named report, then the console names the files relative to cwd, redacted", async () => {
    const s = settings();
    const outcome = await writeReports(sampleMixedRun(SECRET, TOKEN), s);
    expect(outcome).toEqual({ written: [join("reports", "junit.xml"), join("reports", "results.json")], failures: [] });
    expect(s.printed()).toMatch(/\nTime: .*\nReports: reports\/junit\.xml, reports\/results\.json\n$/);
    const files = readFileSync(join(s.outDir, "results.json"), "utf8") + readFileSync(join(s.outDir, "junit.xml"), "utf8") + s.printed();
    expect(files).not.toContain(SECRET);
    expect(files).not.toContain(TOKEN);
  });

  it("shows paths outside cwd as they are, and prints no Reports line when nothing was written", async () => {
    const outside = mkdtempSync(join(tmpdir(), "cc-elsewhere-"));
    const s = settings({ outDir: outside });
    expect((await writeReports(sampleMixedRun(SECRET, TOKEN), s)).written).toEqual([join(outside, "junit.xml"), join(outside, "results.json")]);
    const consoleOnly = settings({ names: ["console"] });
    expect(await writeReports(sampleMixedRun(SECRET, TOKEN), consoleOnly)).toEqual({ written: [], failures: [] });
    expect(consoleOnly.printed()).not.toContain("Reports:");
  });

  it("still writes the other reports when one fails, and returns one CC_REPORT_WRITE per failure", async () => {
    const s = settings({ names: ["junit", "json"] });
    mkdirSync(join(s.outDir, "junit.xml"), { recursive: true });
    const outcome = await writeReports(sampleMixedRun(SECRET, TOKEN), s);
    expect(outcome.written).toEqual([join("reports", "results.json")]);
    expect(outcome.failures).toEqual([expect.objectContaining({ code: "CC_REPORT_WRITE", message: expect.stringMatching(/^could not write a report: /) })]);
    expect(JSON.parse(readFileSync(join(s.outDir, "results.json"), "utf8")).footer.totals.steps).toBe(5);
  });

  it("gives the runner listeners without onRunEnd, so only finish() ends the run, once per reporter", async () => {
    const s = settings();
    const session = openReports(s);
    expect(session.listeners).toHaveLength(3);
    for (const l of session.listeners) expect(l).not.toHaveProperty("onRunEnd");
    expect(session.listeners[0]).toHaveProperty("onSuiteEnd");
    await session.finish(sampleMixedRun(SECRET, TOKEN));
    expect(s.printed().match(/^Suites: /gm)).toHaveLength(1);
  });

  it("hands a gate's report to the reporters after the run (report.html shows it), one CC_REPORT_WRITE per failure", async () => {
    const s = settings({ names: ["json", "html"] });
    const session = openReports(s);
    await session.finish(sampleMixedRun(SECRET, TOKEN));
    const gate = { verdict: { passed: true, summary: "gate passed" }, findings: [] } as unknown as GateReport;
    expect(await session.reportGate(gate)).toEqual([]);
    expect(readFileSync(join(s.outDir, "report.html"), "utf8")).toContain('"summary":"gate passed"');
    rmSync(s.outDir, { recursive: true });
    expect(await session.reportGate(gate)).toEqual([expect.objectContaining({ code: "CC_REPORT_WRITE" })]);
  });
});
