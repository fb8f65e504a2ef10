/** Reading the report's JSON blocks, and the filter over its steps. */
export const SCRIPT_DATA = String.raw`
function readBlock(el) {
  try {
    return JSON.parse(el.textContent);
  } catch (e) {
    return undefined; // a block cut short by a killed run
  }
}

function loadReport() {
  const byId = (id) => {
    const el = document.getElementById(id);
    return el ? readBlock(el) : undefined;
  };
  const header = byId("cc-header") || { regions: [] };
  const footer = byId("cc-footer");
  const suites = [];
  const steps = [];
  for (const el of document.querySelectorAll("script.cc-suite")) {
    const block = readBlock(el);
    if (!block || !block.suite) continue;
    const suite = block.suite;
    suite.index = suites.length;
    suite.excerpts = new Map((block.excerpts || []).map((x) => [x.step, x]));
    suite.counts = countSteps(suite.steps);
    suite.steps.forEach((step, i) => {
      step.suite = suite;
      step.index = i;
      steps.push(step);
    });
    suites.push(suite);
  }
  return { run: runInfo(header, footer), footer, gate: byId("cc-gate"), suites, steps, matching: steps.length };
}

function runInfo(header, footer) {
  const run = Object.assign({}, footer ? footer.run : {});
  for (const [k, v] of Object.entries(header)) if (v !== undefined && v !== "") run[k] = v;
  return run;
}

const filter = { outcomes: new Set(OUTCOMES), flaky: false, drift: false, region: "", tag: "", text: "" };

function filterActive() {
  return filter.outcomes.size !== OUTCOMES.length || filter.flaky || filter.drift || filter.region !== "" || filter.tag !== "" || filter.text !== "";
}

function haystack(step) {
  if (step.hay === undefined) {
    const s = step.suite;
    const x = step.exchange;
    const parts = [s.name, s.key, s.file, step.name, step.phase, step.request, step.status, step.key, step.operationId, step.skipReason];
    for (const f of step.failures) {
      parts.push(f.kind, f.message, f.path, f.expected, f.actual, f.schema);
      for (const v of f.violations || []) parts.push(v.instancePath, v.keyword, v.message, v.actual);
    }
    if (step.error) parts.push(step.error.code, step.error.message);
    if (x) parts.push(x.request.method, x.request.url, x.request.body, x.response && x.response.body);
    step.hay = parts.filter((p) => p !== undefined && p !== null).join("\n").toLowerCase();
  }
  return step.hay;
}

function stepMatches(step) {
  const s = step.suite;
  if (!filter.outcomes.has(step.outcome)) return false;
  if ((filter.flaky && !step.flaky) || (filter.drift && step.drift.length === 0)) return false;
  if (filter.region !== "" && s.region !== filter.region) return false;
  if (filter.tag !== "" && !s.tags.includes(filter.tag)) return false;
  return filter.text === "" || haystack(step).includes(filter.text);
}

function applyFilter(report) {
  let total = 0;
  const active = filterActive();
  for (const suite of report.suites) {
    suite.matching = active ? suite.steps.filter(stepMatches) : suite.steps;
    total += suite.matching.length;
  }
  report.matching = total;
}
`;
