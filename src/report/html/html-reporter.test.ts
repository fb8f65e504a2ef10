import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { GateReport, Plan, PlannedSuite, Suite, SuiteRecord } from "../../model";
import { createRedactor } from "../../diagnostics";
import type { SuiteSchema } from "../../parse/suite-validator";
import { parseSuite } from "../../parse/suite";
import { redactedRecordJson, toSuiteRecord } from "../suite-record";
import { sampleMixedRun, sampleRun, sampleStep, sampleSuite } from "../testing/sample-result";
import { createHtmlReporter, HTML_REPORT } from "./html-reporter";
import { PAGE_SCRIPT } from "./assets/page-script";

const SECRET = "s3cr3t-client-value";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";
const suiteSchema = () => JSON.parse(readFileSync(resolve(__dirname, "../../../schemas/suite.schema.json"), "utf8")) as SuiteSchema;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cc-html-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function redactor() {
  const r = createRedactor([SECRET]);
  r.add(TOKEN);
  return r;
}

function reporter(over: { written?: string[] } = {}) {
  return createHtmlReporter({ outDir: join(dir, "out"), redactor: redactor(), cwd: dir, onWritten: (p) => over.written?.push(p) });
}

const page = () => readFileSync(join(dir, "out", HTML_REPORT), "utf8");

/** The JSON blocks of a page, decoded as the browser decodes them. */
function blocks(html: string, attribute: string): unknown[] {
  const re = new RegExp(`<script type="application/json" ${attribute}>(.*?)</script>`, "g");
  return [...html.matchAll(re)].map((m) => JSON.parse(m[1]!));
}

function planned(suite: { key: string; region: string }, model: Partial<Suite> = {}): PlannedSuite {
  return { key: suite.key, region: suite.region, needs: [], suite: { tags: ["smoke"], setup: [], steps: [], teardown: [], ...model } as Suite };
}

describe("the HTML reporter", () => {
  it("writes the page as the run goes: head and header at the start, each suite when it ends, totals at the end", () => {
    const written: string[] = [];
    const html = reporter({ written });
    const run = sampleMixedRun(SECRET, TOKEN);
    const suite = run.suites[0]!;
    const plan: Plan = { items: [planned(suite)], regions: ["us"] };
    html.onRunStart!(plan);
    expect(page()).toMatch(/^<!DOCTYPE html>/);
    expect(blocks(page(), 'id="cc-header"')).toEqual([expect.objectContaining({ regions: ["us"] })]);
    expect(blocks(page(), 'class="cc-suite"')).toEqual([]);
    html.onSuiteEnd!(plan.items[0]!, suite);
    const [block] = blocks(page(), 'class="cc-suite"') as Array<{ suite: SuiteRecord }>;
    expect(block?.suite).toMatchObject({ key: "contacts@us", tags: ["smoke"] });
    expect(block?.suite.steps[2]).toMatchObject({ key: "contacts@us/steps/get contact", operationId: null });
    expect(block?.suite.steps[2]?.failures[0]?.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(blocks(page(), 'id="cc-footer"')).toEqual([]);
    html.onRunEnd!(run);
    expect(blocks(page(), 'id="cc-footer"')).toEqual([expect.objectContaining({ totals: run.totals, planned: 1, run: expect.objectContaining({ target: "emulator" }) })]);
    expect(blocks(page(), 'class="cc-suite"')).toHaveLength(1);
    expect(written).toEqual([join(dir, "out", HTML_REPORT)]);
  });

  it("holds each suite redacted exactly as results.json records it, and no secret anywhere in the file", () => {
    const html = reporter();
    const run = sampleMixedRun(SECRET, TOKEN);
    html.onRunEnd!(run);
    const text = page();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    const [block] = blocks(text, 'class="cc-suite"') as Array<{ suite: SuiteRecord }>;
    expect(block?.suite).toEqual(JSON.parse(redactedRecordJson(toSuiteRecord(run.suites[0]!, []), redactor())));
    expect(block?.suite.steps[2]?.exchange?.request.headers["Authorization"]).toBe("[REDACTED]");
  });

  it("writes a finished result handed over at once (merge, compare): header from the result, every suite, the footer", () => {
    const html = reporter();
    const run = sampleRun([sampleSuite([sampleStep()]), sampleSuite([sampleStep()], { key: "contacts@eu", region: "eu" })]);
    html.onRunEnd!(run);
    expect(blocks(page(), 'id="cc-header"')).toEqual([{ tool: run.tool, target: "emulator", regions: ["us"], strict: false, startedAt: run.startedAt }]);
    expect((blocks(page(), 'class="cc-suite"') as Array<{ suite: SuiteRecord }>).map((b) => b.suite.key)).toEqual(["contacts@us", "contacts@eu"]);
  });

  it("adds suites the runner did not announce (the cleanup check) at the end, with tags from the plan when it had them", () => {
    const html = reporter();
    const us = sampleSuite([sampleStep()]);
    const cleanup = sampleSuite([sampleStep({ name: "nothing left" })], { key: "cleanup@all", suiteId: "cleanup", region: "us,eu" });
    html.onRunStart!({ items: [planned(us)], regions: ["us"] });
    html.onSuiteEnd!(planned(us), us);
    html.onRunEnd!(sampleRun([us, cleanup]));
    expect((blocks(page(), 'class="cc-suite"') as Array<{ suite: SuiteRecord }>).map((b) => [b.suite.key, b.suite.tags])).toEqual([
      ["contacts@us", ["smoke"]], ["cleanup@all", []],
    ]);
  });

  it("keeps data from closing its script element: '<' is escaped and the JSON still reads back the same", () => {
    const html = reporter();
    const body = '</script><script>alert(1)</script><!--';
    const step = sampleStep({ outcome: "failed", failures: [{ kind: "body", message: body }], exchange: { request: { method: "GET", url: "http://x.test/", headers: {}, body } } });
    html.onRunEnd!(sampleRun([sampleSuite([step])]));
    expect(page()).not.toContain("<script>alert(1)");
    expect(page()).not.toContain("<!--");
    const [block] = blocks(page(), 'class="cc-suite"') as Array<{ suite: SuiteRecord }>;
    expect(block?.suite.steps[0]?.exchange?.request.body).toBe(body);
  });

  it("quotes the suite's source around a failing expectation, the failing line marked, redacted", () => {
    const text = [
      "name: Contacts", "steps:", "  - name: create contact", "    request: Contacts/Create contact",
      `    body: { display_name: "${SECRET}" }`, "    expect:", "      status: 201", "      body:", "        $.id: { exists: true }", "",
    ].join("\n");
    writeFileSync(join(dir, "contacts.yaml"), text);
    const parsed = parseSuite(text, "contacts.yaml", suiteSchema()).suite!;
    const failing = sampleStep({ file: "contacts.yaml", line: 3, outcome: "failed", failures: [{ kind: "status", message: "expected status 201, got 200" }] });
    const result = sampleSuite([failing], { file: "contacts.yaml" });
    const html = reporter();
    html.onRunStart!({ items: [planned(result, parsed)], regions: ["us"] });
    html.onSuiteEnd!(planned(result, parsed), result);
    const [block] = blocks(page(), 'class="cc-suite"') as Array<{ excerpts: Array<{ start: number; lines: string[]; marks: number[] }> }>;
    expect(block?.excerpts).toEqual([{ step: 0, file: "contacts.yaml", start: 4, marks: [7], lines: [
      "    request: Contacts/Create contact", '    body: { display_name: "[REDACTED]" }', "    expect:", "      status: 201",
      "      body:", "        $.id: { exists: true }", "",
    ] }]);
  });

  it("never breaks the run when the file cannot be written: the error comes at the end of the run", () => {
    writeFileSync(join(dir, "out"), "a file where the folder should be");
    const html = reporter();
    const suite = sampleSuite([sampleStep()]);
    expect(() => html.onRunStart!({ items: [planned(suite)], regions: ["us"] })).not.toThrow();
    expect(() => html.onSuiteEnd!(planned(suite), suite)).not.toThrow();
    expect(() => html.onRunEnd!(sampleRun([suite]))).toThrow(/^cannot write .*report\.html: /);
  });

  it("appends the gate's report, redacted, after the run's end", () => {
    const html = reporter();
    html.onRunEnd!(sampleRun([sampleSuite([sampleStep()])]));
    const gate = { verdict: { passed: false, summary: `gate FAILED: ${SECRET}` }, findings: [] } as unknown as GateReport;
    html.onGateReport(gate);
    expect(page()).not.toContain(SECRET);
    expect(blocks(page(), 'id="cc-gate"')).toEqual([expect.objectContaining({ verdict: { passed: false, summary: "gate FAILED: [REDACTED]" } })]);
  });

  it("allows only its own script: the CSP names the hash of the one inline script, and forbids every network source", () => {
    reporter().onRunEnd!(sampleRun([]));
    const text = page();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(text)?.[1] ?? "";
    const scripts = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toEqual([PAGE_SCRIPT]);
    expect(csp).toContain(`script-src 'sha256-${createHash("sha256").update(PAGE_SCRIPT).digest("base64")}';`);
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).not.toMatch(/connect-src|https?:|\*/);
    expect(existsSync(join(dir, "out", HTML_REPORT))).toBe(true);
  });

  it("has a page script that is valid JavaScript and cannot end its own element", () => {
    expect(() => new Function(PAGE_SCRIPT)).not.toThrow();
    expect(PAGE_SCRIPT).not.toMatch(/<\/script|<!--/i);
  });
});
