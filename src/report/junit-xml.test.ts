import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "xmlbuilder2";
import { createRedactor } from "../diagnostics";
import { junitXsdErrors } from "../testdata/junit-xsd";
import { createJunitReporter } from "./junit-reporter";
import { buildJunitXml } from "./junit-xml";
import { redactResult } from "./redact-result";
import { sampleMixedRun, sampleRun, sampleStep, sampleSuite } from "./testing/sample-result";

const SECRET = "s3cr3t-client-value";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

function writeMixed(): { xml: string; file: string } {
  const outDir = mkdtempSync(join(tmpdir(), "cc-junit-"));
  const reporter = createJunitReporter({ outDir, redactor: createRedactor([SECRET, TOKEN]), hostname: "ci-host" });
  reporter.onRunEnd?.(sampleMixedRun(SECRET, TOKEN));
  const file = join(outDir, "junit.xml");
  return { xml: readFileSync(file, "utf8"), file };
}

describe("junit report", () => {
  it("has a testsuite per suite and region with the XSD's required attributes", () => {
    const { xml } = writeMixed();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites>/);
    expect(xml).toContain('name="Contacts lifecycle [us]" tests="5" failures="1" errors="1" skipped="1" time="1.234" timestamp="2026-01-02T03:04:05" hostname="ci-host" id="0" package="conversation-contract.contacts"');
    expect(xml).toContain('<property name="region" value="us"/>');
    expect(xml).toContain('<property name="file" value="suites/contacts.yaml"/>');
  });

  it("maps failed to failure, error to error, skipped to skipped", () => {
    const { xml } = writeMixed();
    expect(xml).toContain('<testcase name="get contact" classname="contacts.us" time="0.042">');
    expect(xml).toMatch(/<failure message="response does not match contact" type="schema">suites\/contacts.yaml:30:5\nschema \(schema contact\): response does not match contact\n {2}\/display_name: type: must be string, actual: 42<\/failure>/);
    expect(xml).toContain('<error message="connect ECONNREFUSED 127.0.0.1:9" type="CC_NETWORK_ERROR">');
    expect(xml).toContain('<skipped message="CONTACT was never captured"/>');
    expect(xml).toContain('<testcase name="teardown: delete contact"');
  });

  it("puts step properties and the redacted exchange of failures in system-out", () => {
    const { xml } = writeMixed();
    expect(xml).toContain("[get contact] failed\nrequest: Contacts/Get contact\nstatus: 200\nduration: 42ms\nattempts: 1\ndrift: /extra_field (contact)\n&gt; GET");
    expect(xml).toContain("&gt; Authorization: [REDACTED]");
    expect(xml).not.toContain(SECRET);
    expect(xml).not.toContain(TOKEN);
  });

  it("redacts each record as it streams: the same document as building it from a redacted copy of the whole run", () => {
    const run = sampleMixedRun(SECRET, TOKEN);
    run.suites[0] = { ...run.suites[0]!, name: `suite of ${SECRET}`, key: `contacts@us/${TOKEN}` };
    const outDir = mkdtempSync(join(tmpdir(), "cc-junit-"));
    const redactor = createRedactor([SECRET, TOKEN]);
    createJunitReporter({ outDir, redactor, hostname: "ci-host" }).onRunEnd?.(run);
    const streamed = readFileSync(join(outDir, "junit.xml"), "utf8");
    expect(streamed).toBe(buildJunitXml(redactResult(run, redactor), { hostname: "ci-host" }));
    expect(streamed).toContain('name="suite of [REDACTED] [us]"');
    expect(streamed).not.toContain(SECRET);
    expect(streamed).not.toContain(TOKEN);
    expect(readdirSync(outDir)).toEqual(["junit.xml"]); // the temp file was renamed, not left behind
  });

  it("replaces characters XML cannot hold", () => {
    const xml = buildJunitXml(sampleRun([sampleSuite([sampleStep({ name: "bell\u0007step" })])]), { hostname: "h" });
    expect(xml).toContain('name="bell\uFFFDstep"');
  });

  it("escapes markup so an XML parser reads back exactly what was written", () => {
    const tricky = `a <b> & "c" 'd'\tand\nnew line ]]> \r end`;
    const failing = sampleStep({ name: tricky, outcome: "failed", failures: [{ kind: "body", message: tricky, actual: "</failure>" }] });
    const xml = buildJunitXml(sampleRun([sampleSuite([failing], { name: tricky })]), { hostname: "h" });
    interface El { getElementsByTagName(tag: string): ArrayLike<El>; getAttribute(name: string): string | null; textContent: string | null }
    const root = create(xml).root().node as unknown as El;
    const first = (tag: string) => root.getElementsByTagName(tag)[0]!;
    expect(first("testsuite").getAttribute("name")).toBe(`${tricky} [us]`);
    expect(first("testcase").getAttribute("name")).toBe(tricky);
    expect(first("failure").getAttribute("message")).toBe(tricky);
    expect(first("failure").textContent).toContain("actual:   </failure>");
  });

  it("validates against JUnit.xsd", async () => {
    const { xml } = writeMixed();
    const empty = mkdtempSync(join(tmpdir(), "cc-junit-empty-"));
    createJunitReporter({ outDir: empty, redactor: createRedactor([]) }).onRunEnd?.(sampleRun([]));
    expect(await junitXsdErrors(xml)).toEqual([]);
    expect(await junitXsdErrors(readFileSync(join(empty, "junit.xml"), "utf8"))).toEqual([]);
  });

  it("marks a suite the interrupt cut short with an interrupted property, valid against JUnit.xsd; a finished one has none", async () => {
    const steps = [sampleStep(), sampleStep({ name: "cut short", outcome: "error" })];
    const xml = buildJunitXml(sampleRun([sampleSuite(steps, { interrupted: true }), sampleSuite(steps, { key: "contacts@eu", region: "eu" })]), { hostname: "h" });
    const [cut, finished] = xml.split("</testsuite>");
    expect(cut).toContain('<property name="interrupted" value="true"/>');
    expect(finished).not.toContain("interrupted");
    expect(await junitXsdErrors(xml)).toEqual([]);
  });

  it("the XSD check rejects a document that breaks the XSD (the check can fail)", async () => {
    const { xml } = writeMixed();
    const errors = await junitXsdErrors(xml.replace(/ hostname="ci-host"/g, ""));
    expect(errors.join("\n")).toContain("hostname");
  });
});
