/*
 * The page script is plain JavaScript (ES2020, no modules) kept as string parts that page-script.ts joins into
 * one inline <script>. The parts share one function scope. Every value from the report reaches the DOM through
 * textContent or an attribute, never as markup. String.raw keeps backslashes as written; no part uses "${".
 */

/** Element building and formatting helpers. */
export const SCRIPT_DOM = String.raw`
const OUTCOMES = ["passed", "failed", "error", "skipped"];
const ICON = { passed: "\u2713", failed: "\u2717", error: "!", skipped: "\u2013" };
const RANK = { error: 3, failed: 2, passed: 1, skipped: 0 };

function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) setProp(el, name, value);
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

function setProp(el, name, value) {
  if (value === undefined || value === null || value === false) return;
  if (name === "class") el.className = value;
  else if (name === "text") el.textContent = String(value);
  else if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
  else el.setAttribute(name, value === true ? "" : String(value));
}

function ms(n) {
  if (typeof n !== "number" || !isFinite(n)) return "\u2013";
  if (n >= 1000) return (n / 1000).toFixed(n >= 10000 ? 1 : 2) + " s";
  return (n < 10 ? n.toFixed(1) : String(Math.round(n))) + " ms";
}

function when(iso) {
  // as recorded (UTC), so every reader sees the same time; toLocaleString would also cost a locale load
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(String(iso || ""));
  return m ? m[1] + " " + m[2] + " UTC" : String(iso || "");
}

function plural(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}

function badge(outcome) {
  return h("span", { class: "badge o-" + outcome, text: ICON[outcome] + " " + outcome });
}

function pretty(body) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch (e) {
    return body;
  }
}

function kv(pairs) {
  const rows = pairs.filter((p) => p[1] !== undefined && p[1] !== null && p[1] !== "");
  return h("dl", { class: "kv" }, rows.map(([k, v]) => [h("dt", { text: k }), h("dd", { class: "mono", text: v })]));
}

function table(head, rows, numeric) {
  const cell = (tag, value, i) => h(tag, { class: numeric && numeric.includes(i) ? "num" : undefined, text: value === undefined ? "" : value });
  return h("table", {},
    h("thead", {}, h("tr", {}, head.map((t, i) => cell("th", t, i)))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((v, i) => cell("td", v, i))))));
}

function countSteps(steps) {
  const t = { steps: steps.length, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0, drift: 0 };
  for (const s of steps) {
    if (s.outcome === "error") t.errors++;
    else t[s.outcome]++;
    if (s.flaky) t.flaky++;
    t.drift += s.drift.length;
  }
  return t;
}
`;
