/**
 * The suite list: collapsed suites render nothing of their steps; an expanded suite renders its timeline and one
 * page of its (matching) steps at a time; the list itself is paged too, so 10,000 steps never become 10,000 rows.
 */
export const SCRIPT_SUITES = String.raw`
const SUITE_PAGE = 50;
const STEP_PAGE = 50;
const TIMELINE_SEGMENTS = 240;
const view = { suiteLimit: SUITE_PAGE, open: new Set(), openSteps: new Set(), stepLimit: new Map(), runStart: 0, runMs: 0 };

function stepId(step) {
  return step.suite.index + "-" + step.index;
}

function shownSuites(report) {
  const active = filterActive();
  return report.suites.filter((s) => s.matching.length > 0 || (!active && s.steps.length === 0));
}

function renderSuites(report, el) {
  const shown = shownSuites(report);
  const items = shown.slice(0, view.suiteLimit).map(suiteView);
  if (shown.length === 0) items.push(h("p", { class: "empty", text: "No step matches the filter." }));
  if (shown.length > view.suiteLimit) {
    items.push(h("button", { class: "more", onclick: () => { view.suiteLimit += SUITE_PAGE; renderSuites(report, el); } },
      "Show " + Math.min(SUITE_PAGE, shown.length - view.suiteLimit) + " more of " + plural(shown.length - view.suiteLimit, "remaining suite run")));
  }
  el.replaceChildren(...items);
}

function suiteView(suite) {
  const open = view.open.has(suite.index);
  const c = suite.counts;
  const parts = [c.failed && c.failed + " failed", c.errors && plural(c.errors, "error"), c.skipped && c.skipped + " skipped", c.flaky && c.flaky + " flaky", c.drift && c.drift + " drift"].filter(Boolean);
  const matchNote = filterActive() ? suite.matching.length + " of " + c.steps + " match \u00b7 " : "";
  const section = h("section", { class: "suite o-" + suite.outcome, id: "suite-" + suite.index });
  const head = h("button", { class: "suite-head", "aria-expanded": String(open), onclick: () => {
    if (open) view.open.delete(suite.index); else view.open.add(suite.index);
    section.replaceWith(suiteView(suite));
  } },
    h("span", { class: "chev", text: "\u25b8" }), badge(suite.outcome),
    h("span", { class: "suite-name", text: suite.name }), h("span", { class: "pill region", text: suite.region }),
    suite.interrupted && h("span", { class: "mark interrupted", title: "the run was interrupted before this suite's steps were done", text: "interrupted" }),
    suite.tags.map((t) => h("span", { class: "pill", text: "#" + t })),
    h("span", { class: "muted mono", text: suite.file }), h("span", { class: "grow" }),
    h("span", { class: "muted", text: matchNote + plural(c.steps, "step") + (parts.length ? " (" + parts.join(", ") + ")" : "") }),
    h("span", { class: "num", text: ms(suite.durationMs) }), runBar(suite));
  section.append(head);
  if (open) section.append(suiteBody(suite));
  return section;
}

function runBar(suite) {
  if (!view.runMs) return undefined;
  const start = (Date.parse(suite.startedAt) - view.runStart) / view.runMs;
  const bar = h("span", {});
  bar.style.left = Math.max(0, Math.min(100, start * 100)).toFixed(2) + "%";
  bar.style.width = Math.max(0.5, (suite.durationMs / view.runMs) * 100).toFixed(2) + "%";
  return h("span", { class: "runbar", title: "when this suite ran within the run" }, bar);
}

function suiteBody(suite) {
  const body = h("div", { class: "suite-body" }, timeline(suite));
  const limit = view.stepLimit.get(suite.index) || STEP_PAGE;
  const list = h("div", { class: "steps" }, suite.matching.slice(0, limit).map(stepView));
  body.append(list);
  const rest = suite.matching.length - limit;
  if (rest > 0) {
    body.append(h("button", { class: "more", onclick: (e) => {
      view.stepLimit.set(suite.index, limit + STEP_PAGE);
      e.target.closest(".suite").replaceWith(suiteView(suite));
    } }, "Show " + Math.min(STEP_PAGE, rest) + " more of " + plural(rest, "remaining step")));
  }
  return body;
}

function timeline(suite) {
  const steps = suite.steps;
  if (steps.length === 0) return h("p", { class: "empty", text: "This suite run has no steps." });
  if (steps.length === 1) return undefined;
  const per = Math.ceil(steps.length / TIMELINE_SEGMENTS);
  const total = steps.reduce((n, s) => n + (s.durationMs || 0), 0);
  const bar = h("div", { class: "timeline", role: "group", "aria-label": "timeline of the suite's steps" });
  for (let i = 0; i < steps.length; i += per) bar.append(segment(steps.slice(i, i + per), total));
  return [bar, h("div", { class: "axis" }, h("span", { text: "0" }), h("span", { text: plural(steps.length, "step") + " in order, width = duration" }), h("span", { text: ms(total) }))];
}

function segment(group, total) {
  let worst = group[0];
  let sum = 0;
  for (const s of group) {
    if (RANK[s.outcome] > RANK[worst.outcome]) worst = s;
    sum += s.durationMs || 0;
  }
  const matching = !filterActive() || group.some(stepMatches);
  const label = group.length === 1 ? group[0].name + ": " + group[0].outcome + ", " + ms(sum) : group.length + " steps from " + group[0].name + ": " + ms(sum);
  const seg = h("span", { class: "seg o-" + worst.outcome + (matching ? "" : " dim"), title: label, onclick: () => reveal(worst) });
  seg.style.flexGrow = String(Math.max(sum, total / 400, 0.001));
  return seg;
}

function stepView(step) {
  const id = stepId(step);
  const open = view.openSteps.has(id);
  const first = step.error ? step.error.code + ": " + step.error.message : step.failures.length ? failureLine(step.failures[0]) : "";
  const el = h("div", { class: "step o-" + step.outcome, id: "step-" + id });
  const head = h("button", { class: "step-head", "aria-expanded": String(open), onclick: () => {
    if (open) view.openSteps.delete(id); else view.openSteps.add(id);
    el.replaceWith(stepView(step));
  } },
    h("span", { class: "chev", text: "\u25b8" }), badge(step.outcome),
    step.phase !== "steps" ? h("span", { class: "pill", text: step.phase }) : undefined,
    h("span", { class: "step-name", text: step.name }), h("span", { class: "muted mono", text: step.request }),
    step.status !== undefined ? h("span", { class: "mono", text: String(step.status) }) : undefined,
    step.flaky ? h("span", { class: "mark flaky", title: "passed only after a retry", text: "flaky" }) : undefined,
    step.drift.length ? h("span", { class: "mark drift", title: "fields the schema does not name", text: "drift " + step.drift.length }) : undefined,
    step.attempts.length > 1 ? h("span", { class: "mark retry", text: plural(step.attempts.length, "attempt") }) : undefined,
    h("span", { class: "grow" }), h("span", { class: "num", text: ms(step.durationMs) }),
    first ? h("span", { class: "why", text: first + (step.failures.length > 1 ? " (+" + (step.failures.length - 1) + " more)" : "") }) : undefined);
  el.append(head);
  if (open) el.append(stepDetails(step));
  return el;
}

function reveal(step) {
  if (!stepMatches(step) && filterActive()) {
    filter.outcomes = new Set(OUTCOMES);
    Object.assign(filter, { flaky: false, drift: false, region: "", tag: "", text: "" });
    syncFilterControls();
  }
  const suite = step.suite;
  applyFilter(REPORT);
  const at = shownSuites(REPORT).indexOf(suite);
  if (at >= view.suiteLimit) view.suiteLimit = at + 1;
  view.open.add(suite.index);
  view.openSteps.add(stepId(step));
  const pos = suite.matching.indexOf(step);
  if (pos >= (view.stepLimit.get(suite.index) || STEP_PAGE)) view.stepLimit.set(suite.index, pos + 1);
  refresh();
  const el = document.getElementById("step-" + stepId(step));
  if (el) {
    el.scrollIntoView({ block: "center" });
    el.classList.add("hi");
    setTimeout(() => el.classList.remove("hi"), 1500);
  }
}
`;
