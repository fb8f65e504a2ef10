import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRedactor } from "../diagnostics";
import { reportToGithub, runSummaryMarkdown, stepAnnotation } from "./github-actions";
import { sampleMixedRun, sampleRun, sampleStep, sampleSuite } from "./testing/sample-result";

const SECRET = "s3cr3t-client-value";
const TOKEN = "tok.en.value";
const redactor = createRedactor([SECRET, TOKEN]);

describe("GitHub Actions output", () => {
  it("annotates each failed or errored step at its file and line, nothing for passed and skipped steps", () => {
    let out = "";
    reportToGithub(sampleMixedRun(SECRET, TOKEN), { annotate: (t) => (out += t) }, redactor);
    expect(out.split("\n").filter(Boolean)).toEqual([
      "::error file=suites/contacts.yaml,line=30,col=5,title=Contacts lifecycle [us] › get contact::response does not match contact",
      "::error file=suites/contacts.yaml,line=40,col=5,title=Contacts lifecycle [us] › list contacts::CC_NETWORK_ERROR: connect ECONNREFUSED 127.0.0.1:9",
    ]);
  });

  it("escapes what would end a workflow command early, and redacts secrets in every part", () => {
    const step = sampleStep({
      name: `a, b: ${SECRET}`, outcome: "failed", line: 7,
      failures: [{ kind: "body", path: "$.note", message: `100% wrong\nsecond line ${TOKEN}` }, { kind: "status", message: "expected 200" }],
    });
    const line = stepAnnotation(sampleSuite([step]), step, redactor);
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain(TOKEN);
    expect(line.trimEnd().split("\n")).toHaveLength(1);
    expect(line).toContain("title=Contacts lifecycle [us] › a%2C b%3A [REDACTED]::");
    expect(line).toContain("::$.note: 100%25 wrong%0Asecond line [REDACTED]%0Aexpected 200\n");
  });

  it("appends a Markdown summary of the run to $GITHUB_STEP_SUMMARY, without annotations when GITHUB_ACTIONS is not set", () => {
    const summary = join(mkdtempSync(join(tmpdir(), "cc-gh-")), "summary.md");
    writeFileSync(summary, "earlier step\n");
    reportToGithub(sampleMixedRun(SECRET, TOKEN), { stepSummary: summary }, redactor);
    const text = readFileSync(summary, "utf8");
    expect(text.startsWith("earlier step\n### conversation-contract: 1 failed, 1 errors\n")).toBe(true);
    expect(text).toContain("| Contacts lifecycle [us] › get contact | `suites/contacts.yaml:30` | response does not match contact |");
    expect(text).toContain("| Contacts lifecycle [us] › list contacts | `suites/contacts.yaml:40` | CC_NETWORK_ERROR |");
    expect(text).not.toContain(SECRET);
    expect(runSummaryMarkdown(sampleRun([sampleSuite([sampleStep()])]), redactor)).toMatch(/^### conversation-contract: passed\n\n.*1 passed, 0 failed/);
  });
});
