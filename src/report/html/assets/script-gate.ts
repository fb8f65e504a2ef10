/** The regression gate's findings, when the run was compared with a baseline. */
export const SCRIPT_GATE = String.raw`
const SEVERITY_ORDER = { regression: 0, change: 1, improvement: 2 };
const GATE_ROWS = 200;

function renderGate(gate) {
  if (!gate) return undefined;
  const { verdict, counts } = gate;
  const findings = [...gate.findings].sort((a, b) =>
    (b.failing ? 1 : 0) - (a.failing ? 1 : 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const body = h("tbody", {});
  const more = h("button", { class: "more", onclick: () => { fill(findings.length); more.remove(); } }, "Show all " + findings.length + " findings");
  const fill = (n) => body.replaceChildren(...findings.slice(0, n).map(findingRow));
  fill(GATE_ROWS);
  const base = gate.baseline;
  return h("section", { class: "card gate", id: "gate" },
    h("h2", {}, "Regression gate: ", h("span", { class: "verdict o-" + (verdict.passed ? "passed" : "failed"), text: verdict.summary })),
    h("p", { class: "muted", text: "Baseline: " + [base.file, base.apiVersion + " on " + base.target, when(base.startedAt), plural(base.stepsRun, "step") + " ran"].filter(Boolean).join(" \u00b7 ") }),
    verdict.reasons.length ? h("ul", {}, verdict.reasons.map((r) => h("li", { text: r }))) : undefined,
    h("p", {}, [
      plural(counts.regressions, "regression"), plural(counts.changes, "change"), plural(counts.improvements, "improvement"),
      counts.accepted + " accepted", counts.expired + " expired", counts.stale + " stale accept entries",
    ].join(" \u00b7 ")),
    findings.length === 0 ? h("p", { class: "empty", text: "No difference from the baseline." }) : h("table", {},
      h("thead", {}, h("tr", {}, ["Severity", "Finding", "Where", "Path", "Baseline \u2192 candidate", "What", "Accepted"].map((t) => h("th", { text: t })))),
      body),
    findings.length > GATE_ROWS ? more : undefined);
}

function findingRow(f) {
  const subject = f.stepKey || f.suiteKey || f.operationId || f.region || "";
  const where = f.file ? f.file + (f.line ? ":" + f.line : "") : "";
  const change = f.baseline !== undefined || f.candidate !== undefined ? (f.baseline || "\u2013") + " \u2192 " + (f.candidate || "\u2013") : "";
  const acc = f.acceptance;
  const accepted = acc ? (acc.status === "accepted" ? "until " + acc.until : "EXPIRED " + acc.until) + ": " + acc.reason : "";
  return h("tr", { class: f.failing ? "failing" : undefined },
    h("td", { class: "sev-" + f.severity, text: f.severity + (f.failing ? " (fails the gate)" : "") }),
    h("td", { class: "mono", text: f.class }),
    h("td", {}, h("div", { class: "mono", text: subject }), where ? h("div", { class: "muted mono", text: where }) : undefined),
    h("td", { class: "mono", text: f.path || "" }),
    h("td", { class: "mono", text: change }),
    h("td", { text: f.message }),
    h("td", { text: accepted }));
}
`;
