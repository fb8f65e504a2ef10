/** The report page's stylesheet, inlined in its <style> element (light and dark by the reader's preference). */
export const PAGE_STYLE = `
:root {
  --bg: #fafafa; --fg: #1d1f23; --muted: #5f6670; --line: #dde0e4; --card: #fff; --code: #f3f4f6; --hi: #fff6d6;
  --passed: #1a7f37; --failed: #cf222e; --error: #8250df; --skipped: #6e7781; --flaky: #9a6700; --drift: #0969da;
  --passed-bg: #dafbe1; --failed-bg: #ffebe9; --error-bg: #fbefff; --skipped-bg: #eaeef2; --flaky-bg: #fff8c5; --drift-bg: #ddf4ff;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d; --card: #161b22; --code: #1f242c; --hi: #3b2e00;
    --passed: #3fb950; --failed: #f85149; --error: #bc8cff; --skipped: #9198a1; --flaky: #d29922; --drift: #58a6ff;
    --passed-bg: #12361f; --failed-bg: #4a1418; --error-bg: #2e1d4a; --skipped-bg: #21262d; --flaky-bg: #3b2e00; --drift-bg: #0c2d5a;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 20px 64px; }
h1 { font-size: 20px; margin: 0 0 8px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
h2 { font-size: 16px; margin: 0 0 8px; }
h4 { font-size: 12px; margin: 0 0 2px; color: var(--muted); font-weight: 600; }
h3 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
pre { margin: 0; padding: 8px 10px; background: var(--code); border-radius: 6px; overflow: auto; max-height: 420px; white-space: pre-wrap; word-break: break-word; }
button { font: inherit; color: inherit; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 0 0 12px; }
.muted { color: var(--muted); }
.notice { border-left: 4px solid var(--flaky); background: var(--flaky-bg); padding: 8px 12px; border-radius: 4px; margin: 8px 0 0; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0 0 10px; }
.facts div { display: flex; gap: 6px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.totals { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-flex; gap: 6px; align-items: baseline; border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; background: var(--card); cursor: pointer; }
.chip b { font-size: 15px; }
.chip.o-passed b { color: var(--passed); } .chip.o-failed b { color: var(--failed); } .chip.o-error b { color: var(--error); }
.chip.o-skipped b { color: var(--skipped); } .chip.flaky b { color: var(--flaky); } .chip.drift b { color: var(--drift); }
.badge { display: inline-block; min-width: 64px; text-align: center; font-size: 12px; font-weight: 600; border-radius: 4px; padding: 0 6px; }
.badge.o-passed { color: var(--passed); background: var(--passed-bg); } .badge.o-failed { color: var(--failed); background: var(--failed-bg); }
.badge.o-error { color: var(--error); background: var(--error-bg); } .badge.o-skipped { color: var(--skipped); background: var(--skipped-bg); }
.verdict.o-passed { color: var(--passed); } .verdict.o-failed { color: var(--failed); }
.mark { font-size: 11.5px; font-weight: 600; border-radius: 4px; padding: 0 5px; white-space: nowrap; }
.mark.flaky { color: var(--flaky); background: var(--flaky-bg); } .mark.drift { color: var(--drift); background: var(--drift-bg); }
.mark.retry { color: var(--muted); background: var(--skipped-bg); } .mark.interrupted { color: var(--failed); background: var(--failed-bg); }
.pill { font-size: 12px; border: 1px solid var(--line); border-radius: 999px; padding: 0 7px; color: var(--muted); white-space: nowrap; }
.pill.region { color: var(--drift); border-color: var(--drift); }
.filters { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
.filters fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 10px; flex-wrap: wrap; align-items: center; }
.filters legend { float: left; padding: 0; }
.filters label { display: inline-flex; gap: 4px; align-items: center; white-space: nowrap; }
.filters input[type=search] { flex: 1 1 260px; min-width: 200px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.filters select { padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
#match-count { color: var(--muted); margin-left: auto; }
.link { background: none; border: 0; padding: 0; color: var(--drift); cursor: pointer; text-decoration: underline; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.go { cursor: pointer; } tr.go:hover { background: var(--code); }
details > summary { cursor: pointer; font-weight: 600; }
.suite { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; margin: 0 0 6px; }
.suite.o-passed { border-left-color: var(--passed); } .suite.o-failed { border-left-color: var(--failed); }
.suite.o-error { border-left-color: var(--error); } .suite.o-skipped { border-left-color: var(--skipped); }
.suite-head, .step-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; width: 100%; background: none; border: 0; text-align: left; cursor: pointer; padding: 7px 10px; }
.suite-head:hover, .step-head:hover { background: var(--code); }
.chev { width: 12px; color: var(--muted); transition: transform .1s; }
[aria-expanded=true] > .chev { transform: rotate(90deg); }
.suite-name { font-weight: 600; }
.grow { flex: 1 1 auto; }
.runbar { position: relative; width: 120px; height: 8px; background: var(--code); border-radius: 4px; overflow: hidden; flex: none; }
.runbar span { position: absolute; top: 0; bottom: 0; min-width: 2px; background: var(--muted); }
.suite-body { padding: 4px 10px 10px 26px; border-top: 1px solid var(--line); }
.timeline { display: flex; gap: 1px; height: 10px; margin: 6px 0 2px; border-radius: 3px; overflow: hidden; }
.seg { min-width: 2px; cursor: pointer; }
.seg.o-passed { background: var(--passed); } .seg.o-failed { background: var(--failed); }
.seg.o-error { background: var(--error); } .seg.o-skipped { background: var(--skipped); opacity: .5; }
.seg.dim { opacity: .25; } .seg:hover { outline: 2px solid var(--fg); }
.axis { display: flex; justify-content: space-between; font-size: 11px; color: var(--muted); margin-bottom: 6px; }
.step { border-top: 1px solid var(--line); }
.step:first-of-type { border-top: 0; }
.step-head { padding: 4px 6px; }
.step-name { font-weight: 500; }
.why { flex-basis: 100%; padding-left: 92px; color: var(--failed); font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.step-body { padding: 4px 8px 12px 26px; }
.step.hi { background: var(--hi); }
.failure { border-left: 3px solid var(--failed); padding: 4px 10px; margin: 6px 0; background: var(--failed-bg); border-radius: 0 4px 4px 0; }
.failure .title { font-weight: 600; }
.failure table { margin-top: 4px; background: var(--card); }
.failure h4 { margin: 8px 0 2px; font-size: 12.5px; }
.differs { margin: 2px 0; padding-left: 18px; }
.errorbox { border-left: 3px solid var(--error); padding: 4px 10px; margin: 6px 0; background: var(--error-bg); }
.source { margin: 8px 0; }
.source figcaption { font-size: 12px; color: var(--muted); margin-bottom: 2px; }
.source pre { white-space: pre; padding: 6px 0; }
.source .line { display: block; padding: 0 10px; }
.source .line.marked { background: var(--failed-bg); box-shadow: inset 3px 0 var(--failed); }
.source .ln { display: inline-block; width: 4ch; margin-right: 12px; text-align: right; color: var(--muted); user-select: none; }
.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 12.5px; }
.kv dt { color: var(--muted); } .kv dd { margin: 0; word-break: break-all; }
.exchange { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
@media (max-width: 900px) { .exchange { grid-template-columns: 1fr; } .why { padding-left: 0; } .runbar { display: none; } }
.more { margin: 8px 0; padding: 4px 12px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); cursor: pointer; }
.sev-regression { color: var(--failed); font-weight: 600; } .sev-change { color: var(--flaky); font-weight: 600; } .sev-improvement { color: var(--passed); font-weight: 600; }
.empty { color: var(--muted); padding: 12px; }
`;
