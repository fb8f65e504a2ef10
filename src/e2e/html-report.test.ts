import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Locator, Page } from "playwright-core";
import { createRedactor } from "../diagnostics";
import { shapeOf } from "../execute/response-shape";
import { gateFiles } from "../gate/gate-files";
import { suiteRecord, writeResults } from "../gate/testing/records";
import { createHtmlReporter } from "../report/html";
import { sampleRun, sampleStep, sampleSuite } from "../report/testing/sample-result";
import { openChromium, type HeadlessBrowser } from "./browser";
import { runBuiltCli } from "./cli-process";
import { PROBE, writeBigReport } from "./html-big-run";

/*
 * report.html in a real browser (Debian's Chromium, driven by playwright-core): a real run against the built-in
 * emulator, opened from file://. It must make no request besides the file itself, filter, show a failing step's
 * violation and source line, what the response said and the callbacks that arrived while a callback step waited,
 * and hold no secret in the file or the DOM. A generated 10,000-step report measures
 * time to first paint and to filter (printed, never asserted: timings depend on the machine).
 */

const ROOT = resolve(__dirname, "..", "..");
const SHOWCASE = "src/e2e/fixtures/html/showcase.yaml";
const EMULATOR_SECRET = "emulator-secret";
const BASIC = Buffer.from(`emulator-client:${EMULATOR_SECRET}`).toString("base64");
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}/;

let browser: HeadlessBrowser;
beforeAll(async () => {
  browser = await openChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
}, 60_000);

/** Opens a report, recording every request the page makes; resolves once the page script has rendered. */
async function open(path: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(pathToFileURL(path).href);
  await page.waitForSelector("body[data-state=ready]", { timeout: 60_000 });
  return { page, requests, errors };
}

/** Code run in the page (as strings: this project's TypeScript has no DOM types). */
const IN_PAGE = {
  openAllDetails: "document.querySelectorAll('details').forEach((d) => { d.open = true; })",
  wholeDom: "document.documentElement.outerHTML + document.body.innerText",
  /** types into the text filter and waits for the frame after the one that renders the result */
  timeTextFilter: (text: string) => `(async () => {
    const input = document.getElementById("f-text");
    const t0 = performance.now();
    input.value = ${JSON.stringify(text)};
    input.dispatchEvent(new Event("input"));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return performance.now() - t0;
  })()`,
};

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
/** The page redraws a frame after a filter changes: wait for it before reading, instead of racing it. */
const redrawn = (page: Page) => page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");

/** The first failing step of a suite's first run, opened (the page opens only the first few failures itself). */
async function failingStep(page: Page, suiteName: string): Promise<Locator> {
  const suite = page.locator(".suite", { hasText: suiteName }).first();
  const suiteHead = suite.locator(".suite-head[aria-expanded=false]");
  if ((await suiteHead.count()) > 0) await suiteHead.click();
  const stepHead = suite.locator(".step.o-failed .step-head").first();
  if ((await stepHead.getAttribute("aria-expanded")) === "false") await stepHead.click();
  return suite.locator(".step.o-failed").first();
}

async function expandEverything(page: Page): Promise<void> {
  for (const head of [".suite-head", ".step-head"]) {
    for (;;) {
      const closed = page.locator(`${head}[aria-expanded=false]`);
      if ((await closed.count()) === 0) break;
      await closed.first().click();
    }
  }
  await page.evaluate(IN_PAGE.openAllDetails);
}

describe("report.html in headless Chromium", () => {
  let report: { path: string; steps: number };
  let page: Page;
  let requests: string[];
  let errors: string[];

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-html-e2e-"));
    const r = await runBuiltCli(["run", "src/e2e/fixtures/html", "suites/contacts.yaml", "--region", "us,eu", "--reporter", "html,json", "--out", out],
      { cwd: ROOT, env: { CI: "true" } });
    expect(r.code).toBe(1);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as { footer: { totals: { steps: number } } };
    report = { path: join(out, "report.html"), steps: results.footer.totals.steps };
    ({ page, requests, errors } = await open(report.path));
  }, 180_000);

  it("makes no network request: the only request is the file itself, and the script runs without an error", () => {
    expect(requests).toEqual([pathToFileURL(report.path).href]);
    expect(errors).toEqual([]);
  });

  it("shows the run: target, regions, tool and totals", async () => {
    const facts = (await texts(page, ".facts div")).join(" | ");
    expect(facts).toContain("Targetemulator");
    expect(facts).toContain("Regionsus, eu");
    expect(facts).toMatch(/Toolconversation-contract \d+\.\d+\.\d+/);
    expect(await texts(page, ".totals .chip")).toContain(`${report.steps}steps`);
  });

  it("shows a failing step's schema violation and the suite line that asked for the schema", async () => {
    const step = await failingStep(page, "Report showcase");
    await expect(step.locator(".step-name").textContent()).resolves.toBe("read it back as an app");
    await expect(step.locator(".failure table").textContent()).resolves.toContain("must have required property 'channel_credentials'");
    const lines = readFileSync(join(ROOT, SHOWCASE), "utf8").split("\n");
    const schemaLine = lines.findIndex((l) => l.trim() === "schema: App") + 1;
    const marked = step.locator(".source .line.marked");
    expect(await marked.getAttribute("data-line")).toBe(String(schemaLine));
    expect(await marked.textContent()).toBe(`${schemaLine}      schema: App`);
    expect(await step.locator(".source figcaption").textContent()).toBe(`${SHOWCASE}:${schemaLine}`);
  });

  it("shows what the response said: the envelope's message (redacted), its field violations, the body's head", async () => {
    const failure = async (suite: string) => (await failingStep(page, suite)).locator(".failure").first();
    await expect((await failure("Envelope showcase")).locator(".reason-message").textContent()).resolves.toBe("Contact missing-[REDACTED] not found (NOT_FOUND)");
    expect(await (await failure("Violations showcase")).locator(".reason tbody tr").allTextContents()).toEqual(["languagemust have required property 'language'"]);
    await expect((await failure("Token showcase")).locator(".reason-body").textContent()).resolves.toContain('"access_token":"[REDACTED]"');
  });

  it("shows, for a callback that never came, the callbacks that arrived (redacted) and the match key the closest missed", async () => {
    const failure = (await failingStep(page, "Explain showcase")).locator(".failure");
    const arrived = failure.locator(".arrived-callback");
    await expect(arrived.locator("summary").allTextContents()).resolves.toEqual(["CHANNEL_EVENT closest to the step's match"]);
    await expect(arrived.locator(".differs li").textContent()).resolves
      .toBe('$.channel_event_notification.channel_event.event_type: expected "WHATS_APP_PHONE_NUMBER_QUALITY_CHANGED", got "WHATS_APP_QUALITY_RATING_CHANGED"');
    await expect(arrived.locator("pre").textContent()).resolves.toContain('"quality_rating": "GREEN [REDACTED]"');
  });

  it("filters by text, region, tag and outcome", async () => {
    await page.fill("#f-text", "basic auth");
    await redrawn(page);
    await expect(page.locator("#match-count").textContent()).resolves.toBe(`2 of ${report.steps} steps match`);
    expect(await texts(page, "#suites .suite-name")).toEqual(["Token showcase", "Token showcase"]);
    await page.fill("#f-text", "");
    await page.selectOption("#f-region", "eu");
    await redrawn(page);
    expect(new Set(await texts(page, "#suites .pill.region"))).toEqual(new Set(["eu"]));
    await page.selectOption("#f-tag", "auth");
    await redrawn(page);
    expect(await texts(page, "#suites .suite-name")).toEqual(["Token showcase"]);
    await page.selectOption("#f-region", "");
    await page.selectOption("#f-tag", "");
    for (const o of ["passed", "skipped"]) await page.uncheck(`input[name=outcome][value=${o}]`);
    await redrawn(page);
    const badges = await texts(page, "#suites .step .badge");
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((b) => b.endsWith("failed") || b.endsWith("error"))).toBe(true);
    for (const o of ["passed", "skipped"]) await page.check(`input[name=outcome][value=${o}]`);
    await redrawn(page);
    await expect(page.locator("#match-count").textContent()).resolves.toBe(`${report.steps} steps`);
  });

  it("holds no secret in the file or the DOM, though the exchanges carried the client secret, Basic credentials and tokens", async () => {
    await expandEverything(page);
    const dom = await page.evaluate<string>(IN_PAGE.wholeDom);
    const file = readFileSync(report.path, "utf8");
    for (const text of [dom, file]) {
      expect(text).not.toContain(EMULATOR_SECRET);
      expect(text).not.toContain(BASIC);
      expect(text).not.toMatch(JWT);
    }
    // the secrets were there to leak: the step's body had the client secret, the token endpoint answered a token
    expect(dom).toContain("Showcase [REDACTED]");
    expect(dom).toContain('"access_token": "[REDACTED]"');
  });
});

describe("report.html of a run that was killed", () => {
  it("shows every suite whose block is complete, and says the report has no end", async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-html-cut-"));
    writeBigReport(out, 9, 20);
    const whole = readFileSync(join(out, "report.html"), "utf8");
    const blockStarts = [...whole.matchAll(/<script type="application\/json" class="cc-suite">/g)].map((m) => m.index ?? 0);
    // cut in the middle of the sixth suite's block: five complete suites, a broken sixth, no footer
    writeFileSync(join(out, "cut.html"), whole.slice(0, blockStarts[5]! + 500));
    const { page, errors } = await open(join(out, "cut.html"));
    expect(errors).toEqual([]);
    expect(await page.locator("#suites .suite").count()).toBe(5);
    expect(await page.locator(".notice").textContent()).toBe("This report has no end: the run is still going, or it was cut short. It shows the 5 suite runs that finished.");
    expect(await texts(page, ".totals .chip")).toContain("100steps");
    await page.close();
  }, 60_000);
});

describe("report.html at 10,000 steps", () => {
  it("renders and filters; prints time to first paint, to the first full render and to filter", async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-html-big-"));
    const run = writeBigReport(out, 100, 100);
    const path = join(out, "report.html");
    const { page, requests, errors } = await open(path);
    const loaded = await page.evaluate(() => ({
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      ready: performance.getEntriesByName("cc-ready")[0]?.startTime ?? NaN,
    }));
    expect(requests).toHaveLength(1);
    expect(errors).toEqual([]);
    await expect(page.locator("#match-count").textContent()).resolves.toBe("10000 steps");
    const filterMs = await page.evaluate<number>(IN_PAGE.timeTextFilter(PROBE));
    await expect(page.locator("#match-count").textContent()).resolves.toBe("100 of 10000 steps match");
    const shown = await texts(page, "#suites .step-name");
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((name) => name.endsWith(` ${PROBE}`))).toBe(true);
    const againMs = await page.evaluate<number>(IN_PAGE.timeTextFilter("step 12"));
    await expect(page.locator("#match-count").textContent()).resolves.toBe("111 of 10000 steps match");
    const bytes = statSync(path).size;
    console.log(`report.html at ${run.totals.steps} steps (${(bytes / 1e6).toFixed(1)} MB): first contentful paint ${loaded.paint.toFixed(0)} ms, `
      + `report rendered ${loaded.ready.toFixed(0)} ms; text filter to the next frame: first ${filterMs.toFixed(0)} ms, second ${againMs.toFixed(0)} ms`);
    await page.close();
  }, 180_000);
});

describe("report.html with the regression gate's findings", () => {
  it("shows the verdict and each finding the real gate made, failing ones first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-html-gate-"));
    const create = { name: "create contact", operationId: "Contacts/Create contact", shape: shapeOf({ id: "01A", email: "a@x.test" }) };
    const list = { name: "list contacts", operationId: "Contacts/List contacts", shape: shapeOf({ contacts: [] }) };
    const baseline = await writeResults(join(dir, "baseline.json"), [suiteRecord("contacts", "us", [create, list])]);
    const candidate = await writeResults(join(dir, "candidate.json"), [suiteRecord("contacts", "us", [
      { ...create, shape: shapeOf({ id: "01A" }) },
      { ...list, failures: [{ kind: "status", message: "expected status 200, got 500" }], status: 500 },
      { name: "get contact", operationId: "Contacts/Get contact", shape: shapeOf({ id: "01A" }) },
    ])]);
    const gate = await gateFiles({ baseline, candidate });
    const out = join(dir, "out");
    const reporter = createHtmlReporter({ outDir: out, redactor: createRedactor([]) });
    reporter.onRunEnd!(sampleRun([sampleSuite([sampleStep()])]));
    reporter.onGateReport(gate);
    const { page, requests, errors } = await open(join(out, "report.html"));
    expect([requests.length, errors]).toEqual([1, []]);
    expect(await page.locator("#gate h2").textContent()).toBe(`Regression gate: ${gate.verdict.summary}`);
    const rows = (await page.locator("#gate tbody tr").evaluateAll((trs) => trs.map((tr) => tr.textContent ?? "")));
    expect(rows).toHaveLength(gate.findings.length);
    expect(rows[0]).toMatch(/^regression \(fails the gate\)/);
    for (const f of gate.findings) expect(rows.some((r) => r.includes(f.class) && r.includes(f.stepKey ?? f.suiteKey ?? ""))).toBe(true);
    expect(rows.some((r) => r.includes("field-gone") && r.includes("$.email"))).toBe(true);
    await page.close();
  }, 60_000);
});
