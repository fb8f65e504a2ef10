import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { createRedactor } from "../../diagnostics";
import { sampleRun, sampleStep, sampleSuite } from "../testing/sample-result";
import { SCRIPT_DATA } from "./assets/script-data";
import { SCRIPT_DOM } from "./assets/script-dom";
import { SCRIPT_SUITES } from "./assets/script-suites";
import { createHtmlReporter, HTML_REPORT } from "./html-reporter";

/** Just enough of the DOM for the page script to build elements: tag, class, attributes, children and text. */
class FakeElement {
  readonly children: Array<FakeElement | string> = [];
  readonly attributes: Record<string, string> = {};
  readonly style: Record<string, string> = {};
  className = "";
  constructor(readonly tagName: string) {}
  append(...nodes: Array<FakeElement | string>): void {
    this.children.push(...nodes);
  }
  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
  }
  addEventListener(): void {}
  set textContent(text: string) {
    this.children.splice(0, this.children.length, text);
  }
  get textContent(): string {
    return this.children.map((c) => (typeof c === "string" ? c : c.textContent)).join("");
  }
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => (typeof c === "string" ? [] : c.all()))];
  }
}

/** The suite heads the page script renders from the suite blocks of a written report.html. */
function renderedSuiteHeads(html: string): FakeElement[] {
  const blocks = [...html.matchAll(/<script type="application\/json" class="cc-suite">(.*?)<\/script>/g)].map((m) => m[1]!);
  const document = { createElement: (tag: string) => new FakeElement(tag) };
  const suiteView = runInNewContext(`${SCRIPT_DOM}${SCRIPT_DATA}${SCRIPT_SUITES}; suiteView`, { document, Node: FakeElement }) as (suite: unknown) => FakeElement;
  const countSteps = runInNewContext(`${SCRIPT_DOM}; countSteps`, {}) as (steps: unknown[]) => unknown;
  return blocks.map((text, index) => {
    const suite = (JSON.parse(text) as { suite: { steps: unknown[] } }).suite;
    return suiteView({ ...suite, index, counts: countSteps(suite.steps) });
  });
}

describe("the suite list of report.html", () => {
  it("marks a suite the interrupt cut short next to its name; a finished suite has no mark", () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-html-view-"));
    try {
      const steps = [sampleStep(), sampleStep({ name: "cut short", outcome: "error" })];
      const run = sampleRun([sampleSuite(steps, { interrupted: true }), sampleSuite(steps, { key: "contacts@eu", region: "eu" })]);
      createHtmlReporter({ outDir: dir, redactor: createRedactor([]), cwd: dir }).onRunEnd!(run);
      const [cut, finished] = renderedSuiteHeads(readFileSync(join(dir, HTML_REPORT), "utf8"));
      const marks = (head: FakeElement) => head.all().filter((el) => el.className === "mark interrupted").map((el) => el.textContent);
      expect(marks(cut!)).toEqual(["interrupted"]);
      expect(marks(finished!)).toEqual([]);
      const names = cut!.all().map((el) => el.className);
      expect(names.indexOf("mark interrupted")).toBe(names.indexOf("pill region") + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
