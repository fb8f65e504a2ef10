/** The run header (facts, totals, notices), the filter bar and the slowest steps. */
export const SCRIPT_RUN = String.raw`
function renderRun(report, onChip) {
  const { run, footer } = report;
  const totals = footer ? footer.totals : Object.assign(countSteps(report.steps), { suites: report.suites.length });
  const bad = totals.failed + totals.errors;
  const verdict = !footer ? "no end recorded" : bad > 0 ? "failed" : "passed";
  const facts = [
    ["Target", run.target], ["Regions", (run.regions || []).join(", ")], ["API version", run.apiVersion],
    ["Tool", run.tool ? run.tool.name + " " + run.tool.version : undefined], ["Started", run.startedAt && when(run.startedAt)],
    ["Duration", footer ? ms(footer.durationMs) : undefined], ["Strict", run.strict === undefined ? undefined : run.strict ? "yes" : "no"],
    ["Shard", run.shard ? run.shard.index + "/" + run.shard.total : undefined],
  ].filter((f) => f[1] !== undefined && f[1] !== "");
  return h("header", { class: "card run" },
    h("h1", {}, h("span", { class: "verdict o-" + (bad > 0 ? "failed" : "passed"), text: (bad > 0 ? "\u2717 " : "\u2713 ") + "Contract run " + verdict })),
    h("dl", { class: "facts" }, facts.map(([k, v]) => h("div", {}, h("dt", { text: k }), h("dd", { text: v })))),
    h("div", { class: "totals" }, totalChips(totals, onChip)),
    runNotices(report));
}

function totalChips(t, onChip) {
  const chip = (label, value, cls, action) => h("button", { class: "chip " + cls, title: action ? "show only these steps" : undefined,
    onclick: action ? () => onChip(action) : undefined }, h("b", { text: value }), label);
  return [
    chip("suite runs", t.suites, "", undefined), chip("steps", t.steps, "", { outcomes: OUTCOMES }),
    chip("passed", t.passed, "o-passed", { outcomes: ["passed"] }), chip("failed", t.failed, "o-failed", { outcomes: ["failed"] }),
    chip("errors", t.errors, "o-error", { outcomes: ["error"] }), chip("skipped", t.skipped, "o-skipped", { outcomes: ["skipped"] }),
    chip("flaky", t.flaky, "flaky", { outcomes: OUTCOMES, flaky: true }), chip("drift", t.drift, "drift", { outcomes: OUTCOMES, drift: true }),
  ];
}

function runNotices(report) {
  const { footer, suites } = report;
  if (!footer) return h("p", { class: "notice", text: "This report has no end: the run is still going, or it was cut short. It shows the " + plural(suites.length, "suite run") + " that finished." });
  if (footer.planned !== undefined && footer.planned > suites.length) {
    return h("p", { class: "notice", text: "Only " + suites.length + " of " + footer.planned + " planned suite runs finished: the run was interrupted." });
  }
  return undefined;
}

function renderFilters(report, onChange) {
  const regions = [...new Set(report.suites.map((s) => s.region))].sort();
  const tags = [...new Set(report.suites.flatMap((s) => s.tags))].sort();
  const totals = countSteps(report.steps);
  const counts = { passed: totals.passed, failed: totals.failed, error: totals.errors, skipped: totals.skipped };
  const check = (name, value, label, checked, onToggle) => h("label", {},
    h("input", { type: "checkbox", name, value, checked, onchange: (e) => { onToggle(e.target.checked); onChange(); } }), label);
  const select = (id, label, values, onPick) => h("label", {}, label,
    h("select", { id, onchange: (e) => { onPick(e.target.value); onChange(); } }, h("option", { value: "", text: "all" }), values.map((v) => h("option", { value: v, text: v }))));
  return h("section", { class: "card filters", "aria-label": "Filter" },
    h("fieldset", {}, h("legend", { class: "muted", text: "Outcome" }),
      OUTCOMES.map((o) => check("outcome", o, o + " (" + counts[o] + ")", true, (on) => (on ? filter.outcomes.add(o) : filter.outcomes.delete(o))))),
    check("mark", "flaky", "only flaky", false, (on) => (filter.flaky = on)),
    check("mark", "drift", "only drift", false, (on) => (filter.drift = on)),
    select("f-region", "Region", regions, (v) => (filter.region = v)),
    select("f-tag", "Tag", tags, (v) => (filter.tag = v)),
    h("input", { id: "f-text", type: "search", placeholder: "Filter by text: suite, step, request, message, path, body\u2026", "aria-label": "Filter by text",
      oninput: (e) => { filter.text = e.target.value.trim().toLowerCase(); onChange(); } }),
    h("span", { id: "match-count", "aria-live": "polite" }));
}

function syncFilterControls() {
  for (const box of document.querySelectorAll("input[name=outcome]")) box.checked = filter.outcomes.has(box.value);
  for (const box of document.querySelectorAll("input[name=mark]")) box.checked = Boolean(filter[box.value]);
  document.getElementById("f-region").value = filter.region;
  document.getElementById("f-tag").value = filter.tag;
  document.getElementById("f-text").value = filter.text;
}

function renderCount(report) {
  const el = document.getElementById("match-count");
  el.textContent = filterActive() ? report.matching + " of " + plural(report.steps.length, "step") + " match" : plural(report.steps.length, "step");
}

const SLOWEST = 10;
let slowestClosed = false;

function renderSlowest(report, el) {
  const top = [];
  for (const suite of report.suites) {
    for (const step of suite.matching) {
      if (step.outcome === "skipped") continue;
      if (top.length < SLOWEST || step.durationMs > top[top.length - 1].durationMs) {
        top.push(step);
        top.sort((a, b) => b.durationMs - a.durationMs);
        if (top.length > SLOWEST) top.pop();
      }
    }
  }
  const rows = top.map((s) => h("tr", { class: "go", title: "show this step", onclick: () => reveal(s) },
    h("td", { class: "num", text: ms(s.durationMs) }), h("td", {}, badge(s.outcome)),
    h("td", { text: s.suite.name + " [" + s.suite.region + "]" }), h("td", { text: s.name }), h("td", { class: "mono", text: s.request })));
  const head = h("tr", {}, ["Duration", "Outcome", "Suite", "Step", "Request"].map((t, i) => h("th", { class: i === 0 ? "num" : undefined, text: t })));
  el.replaceChildren(h("details", { class: "card", open: !slowestClosed, ontoggle: (e) => { slowestClosed = !e.target.open; } },
    h("summary", { text: "Slowest steps" + (filterActive() ? " (of those matching)" : "") }),
    rows.length ? h("table", {}, h("thead", {}, head), h("tbody", {}, rows)) : h("p", { class: "empty", text: "No step to show." })));
}
`;
