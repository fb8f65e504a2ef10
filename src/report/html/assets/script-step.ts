/** One step's details: failures with their violations, the suite source around them, attempts, drift, the exchange. */
export const SCRIPT_STEP = String.raw`
function failureLine(f) {
  const said = f.reason && f.reason.message ? ": " + f.reason.message : "";
  return (f.path ? f.path + ": " : "") + f.message + said;
}

function stepDetails(step) {
  const x = step.exchange;
  return h("div", { class: "step-body" },
    kv([["Where", step.file + ":" + step.line + ":" + step.column], ["Key", step.key], ["Operation", step.operationId],
      ["Request", step.method && step.pathTemplate ? step.method + " " + step.pathTemplate : undefined]]),
    step.error ? h("div", { class: "errorbox" }, h("b", { text: step.error.code }), " " + step.error.message) : undefined,
    step.skipReason ? h("p", { class: "muted", text: "Skipped: " + step.skipReason }) : undefined,
    step.failures.map(failureView),
    sourceView(step),
    attemptsView(step),
    step.drift.length ? [h("h3", { text: "Drift: fields the schema does not name" }),
      table(["Instance path", "Schema"], step.drift.map((d) => [d.instancePath || "(root)", d.schema]))] : undefined,
    x ? exchangeView(step, x) : h("p", { class: "muted", text: step.outcome === "passed"
      ? "Requests and responses are kept in reports for steps that do not pass." : "No request or callback was recorded for this step." }));
}

function failureView(f) {
  const title = f.kind + (f.path ? " at " + f.path : "") + (f.schema ? " (schema " + f.schema + ")" : "");
  const violations = f.violations || [];
  return h("div", { class: "failure" },
    h("div", { class: "title" }, title + ": ", h("span", { text: f.message })),
    f.expected !== undefined || f.actual !== undefined ? kv([["expected", f.expected === undefined ? "\u2013" : f.expected], ["actual", f.actual === undefined ? "\u2013" : f.actual]]) : undefined,
    violations.length ? table(["Instance path", "Keyword", "Violation", "Actual"],
      violations.map((v) => [v.instancePath || "(root)", v.keyword, v.message, v.actual])) : undefined,
    f.reason ? reasonView(f.reason) : undefined,
    f.arrived ? arrivedView(f.arrived) : undefined,
    f.fingerprint ? h("div", { class: "muted mono", title: "names this failure in an accept file", text: "fingerprint " + f.fingerprint }) : undefined);
}

function reasonView(r) {
  const violations = r.fieldViolations || [];
  return h("div", { class: "reason" }, h("h4", { text: "What the response said" }),
    r.message !== undefined ? h("div", { class: "mono reason-message", text: r.message }) : undefined,
    violations.length ? table(["Field", "Field violation"], violations.map((v) => [v.field || "(request)", v.description])) : undefined,
    r.body !== undefined ? h("pre", { class: "reason-body", text: r.body }) : undefined);
}

/** The callbacks that arrived while the step waited; the closest (first, with the match keys it missed) shown open. */
function arrivedView(arrived) {
  return h("div", { class: "arrived" }, h("h4", { text: "Callbacks that arrived instead (" + arrived.length + ")" }),
    arrived.map((cb) => h("details", { class: "arrived-callback", open: cb.differs ? true : undefined },
      h("summary", {}, h("span", { class: "mono", text: cb.trigger }), cb.differs ? " closest to the step's match" : undefined),
      cb.differs ? h("ul", { class: "differs" }, cb.differs.map((d) => h("li", { class: "mono", text: d }))) : undefined,
      h("pre", { text: pretty(cb.body) }))));
}

function sourceView(step) {
  const x = step.suite.excerpts.get(step.index);
  if (!x) return undefined;
  const marks = new Set(x.marks);
  const lines = x.lines.map((text, i) => {
    const n = x.start + i;
    return h("span", { class: "line" + (marks.has(n) ? " marked" : ""), "data-line": n }, h("span", { class: "ln", text: n }), text);
  });
  return h("figure", { class: "source" },
    h("figcaption", { text: x.file + ":" + x.marks.join(", ") }),
    h("pre", {}, h("code", {}, lines)));
}

function attemptsView(step) {
  const a = step.attempts;
  if (a.length <= 1 && !(a[0] && (a[0].retryReason || a[0].error))) return undefined;
  return [h("h3", { text: "Attempts" }), table(["#", "Status", "Duration", "Retried because", "Error"],
    a.map((t, i) => [i + 1, t.status === undefined ? "\u2013" : t.status, ms(t.durationMs), t.retryReason || "", t.error || ""]), [0, 2])];
}

function exchangeView(step, x) {
  const callback = String(step.request || "").startsWith("callback");
  const req = x.request;
  const res = x.response;
  return [h("h3", { text: callback ? "Callback received" : "Exchange" }), h("div", { class: "exchange" },
    h("div", {}, h("h4", { text: callback ? "Callback" : "Request" }), h("div", { class: "mono", text: req.method + " " + (req.url || "(webhook)") }),
      headersView(req.headers), req.body !== undefined ? h("pre", { text: pretty(req.body) }) : h("p", { class: "muted", text: "no body" })),
    callback ? undefined : h("div", {}, h("h4", { text: "Response" }), res ? [h("div", { class: "mono", text: String(res.status) }), headersView(res.headers),
      res.body !== undefined ? h("pre", { text: pretty(res.body) }) : h("p", { class: "muted", text: "no body" })] : h("p", { class: "muted", text: "no response" })))];
}

function headersView(headers) {
  const entries = Object.entries(headers || {});
  if (!entries.length) return undefined;
  return h("details", {}, h("summary", { class: "muted", text: plural(entries.length, "header") }), kv(entries));
}
`;
