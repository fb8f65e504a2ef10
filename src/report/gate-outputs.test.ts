import { join } from "node:path";
import { create } from "xmlbuilder2";
import type { GateReport } from "../model";
import { createRedactor } from "../diagnostics";
import { SAMPLE_SECRET, sampleGateReport } from "../gate/testing/sample-report";
import { suiteRecord, tempDir, writeResults } from "../gate/testing/records";
import { gateFiles } from "../gate/gate-files";
import { formatGateConsole } from "./gate-console";
import { buildGateJson } from "./gate-json";
import { buildGateJunit } from "./gate-junit";
import { buildGateMarkdown } from "./gate-markdown";
import { createStyle } from "./style";
import { junitXsdErrors } from "../testdata/junit-xsd";

const redactor = createRedactor([SAMPLE_SECRET]);

let report: GateReport;
beforeAll(async () => {
  report = await sampleGateReport({ minSteps: 2 });
});

describe("gate console summary", () => {
  it("groups findings, regressions first, each with file:line and fingerprint, and ends with the verdict", () => {
    const text = formatGateConsole(report, { redactor });
    const order = ["Regressions (3)", "Changes (2)", "Improvements (1)", "Accepted (1)", "Stale accept entries (1)"].map((h) => text.indexOf(h));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(text).toContain("✗ field-gone  contacts@us › create contact $.email\n      $.email (string) is gone from the response\n      suites/contacts.yaml:14  fingerprint ");
    expect(text).toMatch(/acceptance expired 2026-01-31: email moves to identities \(.*accept\.yaml:7\)/);
    expect(text).toMatch(/= status-changed {2}contacts@us › list contacts\n.*\n.*\n {6}accepted until 2026-12-31/);
    expect(text).toMatch(/accept\.yaml:10:5 {2}fingerprint 000000000000/);
    expect(text.trimEnd().split("\n").at(-1)).toBe("gate FAILED: 3 regressions; 1 acceptance expired");
  });

  it("redacts secrets and caps long groups", () => {
    const text = formatGateConsole(report, { redactor, limit: 1 });
    expect(text).not.toContain(SAMPLE_SECRET);
    expect(text).toContain("… and 2 more in gate.json");
  });

  it("colors when asked and stays plain otherwise", () => {
    expect(formatGateConsole(report, { redactor, style: createStyle(true) })).toContain("\x1b[31m");
    expect(formatGateConsole(report, { redactor })).not.toContain("\x1b[");
  });
});

describe("gate.json", () => {
  it("holds the verdict, counts and every finding with its fingerprint, redacted", () => {
    const text = buildGateJson(report, redactor);
    expect(text).not.toContain(SAMPLE_SECRET);
    const doc = JSON.parse(text);
    expect(doc.gateFormatVersion).toBe(1);
    expect(doc.verdict).toMatchObject({ passed: false, summary: "gate FAILED: 3 regressions; 1 acceptance expired" });
    expect(doc.counts).toEqual({ regressions: 4, changes: 2, improvements: 1, accepted: 1, expired: 1, stale: 1, failing: 3 });
    expect(doc.findings).toHaveLength(report.findings.length);
    for (const f of doc.findings) expect(f.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(doc.findings.map((f: { class: string }) => f.class)).toEqual(report.findings.map((f) => f.class));
    expect(doc.stale).toMatchObject([{ fingerprint: "000000000000" }]);
  });
});

describe("gate.md", () => {
  it("has a summary line, a regressions table and collapsible sections for the rest", () => {
    const md = buildGateMarkdown(report, redactor);
    expect(md.startsWith("## ❌ Regression gate: failed\n\n**gate FAILED: 3 regressions; 1 acceptance expired**")).toBe(true);
    expect(md).toContain("### Regressions (3)");
    const regressionRows = md.split("### Regressions (3)")[1]!.split("<details>")[0]!.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Finding"));
    expect(regressionRows).toHaveLength(3);
    for (const title of ["Changes (2)", "Improvements (1)", "Accepted (1)", "Stale accept entries (1)"]) expect(md).toContain(`<details><summary>${title}</summary>`);
  });

  it("escapes HTML and table breaks and redacts secrets", () => {
    const md = buildGateMarkdown(report, redactor);
    expect(md).not.toContain(SAMPLE_SECRET);
    expect(md).toContain("&lt;b&gt;&amp;&lt;/b&gt;");
    expect(md).not.toContain("<b>");
  });

  it("says when warn-only let a failing gate pass", async () => {
    const warned = await sampleGateReport({ warnOnly: true });
    expect(buildGateMarkdown(warned, redactor)).toMatch(/^## ⚠️ Regression gate: passed \(warn-only\)\n\n\*\*gate passed \(warn-only\), would have failed: /);
  });
});

/** A gate where a suite and a region of the baseline did not run, and the candidate ran nothing else. */
async function missingSuiteReport(dir: string): Promise<GateReport> {
  const baseline = await writeResults(join(dir, "b.json"), [suiteRecord("contacts", "us", [{ name: "create" }]), suiteRecord("apps", "us", [{ name: "list" }]), suiteRecord("apps", "eu", [{ name: "list" }])]);
  const candidate = await writeResults(join(dir, "c.json"), [suiteRecord("contacts", "us", [{ name: "create" }])]);
  return gateFiles({ baseline, candidate });
}

describe("gate.xml (JUnit)", () => {
  interface El { getElementsByTagName(tag: string): ArrayLike<El>; getAttribute(name: string): string | null; textContent: string | null; childNodes: ArrayLike<{ nodeName: string }> }
  const parse = (xml: string) => create(xml).root().node as unknown as El;
  const all = (root: El, tag: string) => Array.from(root.getElementsByTagName(tag));

  it("has one testcase per compared step (classname = suite key, name = step); a failing finding is a failure", () => {
    const root = parse(buildGateJunit(report, { redactor, hostname: "ci" }));
    const cases = all(root, "testcase").filter((c) => c.getAttribute("classname") !== "gate");
    expect(cases.map((c) => `${c.getAttribute("classname")} ${c.getAttribute("name")}`)).toEqual([
      "messages@us send text",
      "contacts@us create contact",
      "contacts@us list contacts",
      "contacts@us teardown: delete contact",
      "contacts@eu create contact",
    ]);
    const failed = cases.filter((c) => c.getElementsByTagName("failure").length > 0).map((c) => c.getAttribute("name"));
    expect(failed).toEqual(["create contact"]); // the accepted status change of "list contacts" does not fail
    const failure = cases[1]!.getElementsByTagName("failure")[0]!;
    expect(failure.getAttribute("type")).toBe("field-gone,step-now-fails");
    expect(failure.textContent).toContain("suites/contacts.yaml:14");
  });

  it("puts region, operation and min-steps results in a last testsuite 'regression gate'", async () => {
    const root = parse(buildGateJunit(report, { redactor }));
    const suites = all(root, "testsuite");
    const gate = suites.at(-1)!;
    expect(gate.getAttribute("name")).toBe("regression gate");
    expect(all(gate, "testcase").map((c) => c.getAttribute("name"))).toEqual(["slower operation Messages/Send message", "min-steps 2"]);
    expect(gate.getAttribute("failures")).toBe("1");
    const starved = parse(buildGateJunit(await sampleGateReport({ minSteps: 99 }), { redactor }));
    const minSteps = all(starved, "testcase").find((c) => c.getAttribute("name") === "min-steps 99")!;
    expect(minSteps.getElementsByTagName("failure")[0]!.getAttribute("message")).toBe("only 5 steps ran, fewer than --min-steps 99");
  });

  it("gives a suite that did not run a testcase '(suite)' with the failure", async () => {
    const root = parse(buildGateJunit(await missingSuiteReport(tempDir()), { redactor }));
    const suite = all(root, "testsuite").find((s) => s.getAttribute("name") === "apps@us")!;
    expect(all(suite, "testcase").map((c) => c.getAttribute("name"))).toEqual(["(suite)"]);
    expect(suite.getElementsByTagName("failure")[0]!.getAttribute("type")).toBe("suite-missing");
    expect(all(root, "testcase").find((c) => c.getAttribute("name") === "region-missing region eu")).toBeDefined();
  });

  it("redacts step names as it would one by one, also where the names of a suite are redacted together", () => {
    const key = report.compared[0]!.key;
    // the last name has a line break, the separator of names redacted together: those are then redacted one by one
    const names = ["plain step", `uses ${SAMPLE_SECRET}`, "Bearer", "abcdefghijklmnopqrstuvwxyz0123", "a password=hunter22", "y", "two\nlines"];
    for (const steps of [names, names.slice(0, -1), names.slice(0, 2).concat(names.slice(4, 6))]) {
      const compared = [{ ...report.compared[0]!, steps: steps.map((n) => `${key}/steps/${n}`) }, ...report.compared.slice(1)];
      const xml = buildGateJunit({ ...report, compared }, { redactor });
      expect(xml).not.toContain(SAMPLE_SECRET);
      const cases = all(parse(xml), "testcase").filter((c) => c.getAttribute("classname") === key).map((c) => c.getAttribute("name"));
      const alone: Record<string, string> = { [`uses ${SAMPLE_SECRET}`]: "uses [REDACTED]", "a password=hunter22": "a password=[REDACTED]" };
      const expected = steps.filter((n) => !n.includes("\n")).map((n) => alone[n] ?? n);
      expect(cases.slice(0, expected.length)).toEqual(expected);
    }
  });

  it("has the attributes and child order the JUnit XSD requires, and no secret", () => {
    const xml = buildGateJunit(report, { redactor });
    expect(xml).not.toContain(SAMPLE_SECRET);
    const root = parse(xml);
    for (const suite of all(root, "testsuite")) {
      for (const a of ["name", "tests", "failures", "errors", "time", "timestamp", "hostname", "id", "package"]) expect(suite.getAttribute(a)).not.toBeNull();
      expect(suite.getAttribute("timestamp")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      const children = Array.from(suite.childNodes).map((n) => n.nodeName).filter((n) => !n.startsWith("#"));
      expect(children[0]).toBe("properties");
      expect(children.slice(-2)).toEqual(["system-out", "system-err"]);
      expect(new Set(children.slice(1, -2))).toEqual(new Set(["testcase"]));
    }
  });

  it("validates against the JUnit XSD, which rejects a broken document", async () => {
    const xml = buildGateJunit(report, { redactor });
    expect(await junitXsdErrors(xml)).toEqual([]);
    expect(await junitXsdErrors(xml.replace(/ hostname="[^"]*"/g, ""))).not.toEqual([]);
    expect(await junitXsdErrors(buildGateJunit(await missingSuiteReport(tempDir()), { redactor }))).toEqual([]);
  });
});
