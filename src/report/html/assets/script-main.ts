/** Start-up: read the blocks, render, open the first failures, and re-render on every filter change. */
export const SCRIPT_MAIN = String.raw`
let REPORT;
let pending = 0;
const OPEN_SUITES = 3;
const OPEN_STEPS = 10;

function refresh() {
  applyFilter(REPORT);
  renderCount(REPORT);
  renderSlowest(REPORT, document.getElementById("slowest"));
  renderSuites(REPORT, document.getElementById("suites"));
}

function scheduleRefresh() {
  // typing fires many events; one render per frame is enough
  if (!pending) pending = requestAnimationFrame(() => { pending = 0; refresh(); });
}

function openFirstFailures(report) {
  let steps = 0;
  for (const suite of report.suites.filter((s) => s.outcome === "failed" || s.outcome === "error").slice(0, OPEN_SUITES)) {
    view.open.add(suite.index);
    suite.steps.forEach((step, i) => {
      if ((step.outcome !== "failed" && step.outcome !== "error") || steps >= OPEN_STEPS) return;
      view.openSteps.add(stepId(step));
      steps++;
      if (i >= STEP_PAGE) view.stepLimit.set(suite.index, Math.max(view.stepLimit.get(suite.index) || 0, i + 1));
    });
  }
}

function onChip(action) {
  filter.outcomes = new Set(action.outcomes);
  filter.flaky = Boolean(action.flaky);
  filter.drift = Boolean(action.drift);
  syncFilterControls();
  refresh();
  document.getElementById("f-text").scrollIntoView({ block: "nearest" });
}

function main() {
  REPORT = loadReport();
  const run = REPORT.run;
  view.runStart = Date.parse(run.startedAt || "") || 0;
  view.runMs = REPORT.footer ? REPORT.footer.durationMs : 0;
  const app = document.getElementById("app");
  app.replaceChildren(renderRun(REPORT, onChip));
  const gate = renderGate(REPORT.gate);
  if (gate) app.append(gate);
  app.append(renderFilters(REPORT, scheduleRefresh), h("section", { id: "slowest" }), h("section", { id: "suites", "aria-label": "Suite runs" }));
  openFirstFailures(REPORT);
  refresh();
  document.body.dataset.state = "ready";
  performance.mark("cc-ready");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
else main();
`;
