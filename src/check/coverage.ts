import type { Contract, RequestStep, RequestTemplate, StatusSpec, Suite } from "../model";
import { API_VERSION_VARIABLE, DEFAULT_API_VERSION } from "../vocabulary/api-versions";
import { suiteSteps } from "../vocabulary/suite-steps";

/** What the suites do with one operation of the collection. */
export interface OperationCoverage {
  /** the collection request id, "Folder/Name" */
  id: string;
  method: string;
  /** expected statuses the suites exercise ("200", "404", "4xx"), sorted */
  statuses: string[];
  /** stems of the suites that call it, sorted */
  suites: string[];
}

/** An inline request step that matches no operation of the contract. */
export interface UnmatchedStep {
  suite: string;
  step: string;
  method: string;
  url: string;
}

/** Which operations and status codes the suites exercise, and which operations no suite touches. */
export interface CoverageReport {
  operations: OperationCoverage[];
  /** ids of the operations no suite exercises, in collection order */
  uncovered: string[];
  unmatched: UnmatchedStep[];
  covered: number;
  total: number;
}

interface Tally {
  statuses: Set<string>;
  suites: Set<string>;
}

/** "200", "4xx", [200, 404] -> status labels; no spec means the runner's default, any 2xx. */
function statusLabels(spec: StatusSpec | undefined): string[] {
  const items = spec === undefined ? ["2xx"] : Array.isArray(spec) ? spec : [spec];
  return items.map((s) => String(s).trim().toLowerCase());
}

/** The URL path of an inline request, with leading {{BASE_URL}}-style variables and the query cut off; {{API_VERSION}} as v1. */
function inlinePath(url: string): string {
  const withoutQuery = (url.split("?")[0] ?? "").split(`{{${API_VERSION_VARIABLE}}}`).join(DEFAULT_API_VERSION);
  const withoutBase = withoutQuery.replace(/^(\{\{[^}]+\}\})+/, "");
  const scheme = /^[a-z]+:\/\/[^/]+(\/.*)?$/i.exec(withoutBase);
  if (scheme) return scheme[1] ?? "/";
  return withoutBase.startsWith("/") ? withoutBase : `/${withoutBase}`;
}

/** The emulator's admin API (simulated inbound traffic, faults) is the tool's own, not part of the contract. */
function isAdminUrl(url: string | undefined): boolean {
  return url?.startsWith("{{ADMIN_URL}}") ?? false;
}

/** The operation id a request step exercises, if any. */
function operationOf(step: RequestStep, contract: Contract): string | undefined {
  if (step.request) return step.request;
  if (!step.method || !step.url) return undefined;
  return contract.matchOperation(step.method.toUpperCase(), inlinePath(step.url))?.id;
}

/** Every request step of a suite, whatever its phase. */
function* requestSteps(suite: Suite): Generator<RequestStep, void> {
  for (const step of suiteSteps(suite)) if (step.kind === "request") yield step;
}

/** Which operations of the collection the suites exercise, with which expected statuses. */
export function computeCoverage(suites: Suite[], requests: Map<string, RequestTemplate>, contract: Contract): CoverageReport {
  const tallies = new Map<string, Tally>([...requests.keys()].map((id) => [id, { statuses: new Set(), suites: new Set() }]));
  const unmatched: UnmatchedStep[] = [];
  for (const suite of suites) {
    for (const step of requestSteps(suite)) {
      const id = operationOf(step, contract);
      const tally = id === undefined ? undefined : tallies.get(id);
      if (!tally) {
        if (!step.request && !isAdminUrl(step.url)) unmatched.push({ suite: suite.id, step: step.name, method: step.method ?? "", url: step.url ?? "" });
        continue;
      }
      statusLabels(step.expect.status).forEach((s) => tally.statuses.add(s));
      tally.suites.add(suite.id);
    }
  }
  const operations = [...tallies].map(([id, t]) => ({
    id,
    method: requests.get(id)?.method ?? "",
    statuses: [...t.statuses].sort(),
    suites: [...t.suites].sort(),
  }));
  const uncovered = operations.filter((o) => o.suites.length === 0).map((o) => o.id);
  return { operations, uncovered, unmatched, covered: operations.length - uncovered.length, total: operations.length };
}

/** The report as a plain-text table, then the uncovered operations and unmatched inline steps. */
export function formatCoverage(report: CoverageReport): string {
  const rows = report.operations.map((o) => [o.id, o.method, o.statuses.join(", ") || "-", String(o.suites.length)]);
  const header = ["operation", "method", "statuses", "suites"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""];
  const pct = report.total === 0 ? 100 : Math.round((report.covered / report.total) * 100);
  out.push(`${report.covered}/${report.total} operations exercised (${pct}%)`);
  if (report.uncovered.length > 0) out.push("", "not exercised by any suite:", ...report.uncovered.map((id) => `  ${id}`));
  if (report.unmatched.length > 0) {
    out.push("", "inline requests that match no operation:");
    out.push(...report.unmatched.map((u) => `  ${u.suite} / ${u.step}: ${u.method} ${u.url}`));
  }
  return out.join("\n") + "\n";
}
