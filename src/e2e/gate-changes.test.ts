import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { GateFinding } from "../model";
import { findingFingerprint } from "../diagnostics";
import { startEmulator, type EmulatorHandle } from "../emulator";
import { tempDir } from "../gate/testing/records";
import { runBuiltCli, type CliRun } from "./cli-process";

/*
 * Proof that the gate catches real changes (issue 8, item 8): the real contacts suite runs against a standalone
 * emulator for a baseline; then the emulator simulates one new release at a time through its admin API, the suite
 * runs again, and the gate must name exactly that change: its class, the step it shows in, the path.
 * Timings of an emulator on a busy machine are noise of tens of milliseconds, so every comparison here raises the
 * latency floor to a second, and the slowed-down operation waits longer than that.
 */

const ROOT = resolve(__dirname, "..", "..");
const SUITE = "suites/contacts.yaml";
const STEP = (name: string) => `contacts@us/steps/${name}`;
const FLOOR = ["--latency-floor-ms", "1000"];

let emulator: EmulatorHandle;
let dir: string;
let env: string;
let baseline: string;

/** A Postman environment pointing a run at the emulator's us region. */
function environmentFile(e: EmulatorHandle): string {
  const us = e.info.regions.us;
  const values = {
    REGION: "us", BASE_URL: us.baseUrl, AUTH_URL: us.authUrl, TEMPLATE_BASE_URL: us.templateBaseUrl, PROJECT: e.info.projectId,
    CLIENT_ID: e.info.clientId, CLIENT_SECRET: e.info.clientSecret, ADMIN_URL: e.info.adminUrl,
  };
  const file = join(dir, "emulator.postman_environment.json");
  writeFileSync(file, JSON.stringify({ values: Object.entries(values).map(([key, value]) => ({ key, value })) }));
  return file;
}

async function admin(method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${emulator.info.adminUrl}${path}`, {
    method, headers: { "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

/** Runs the suite into a fresh --out (and gates it when a baseline is given). */
async function runSuite(out: string, extra: string[] = []): Promise<CliRun> {
  return runBuiltCli(["run", SUITE, "--env", env, "--out", out, "--reporter", "json", ...extra], { cwd: ROOT, env: { CI: "true" } });
}

/** The emulator as a new release: empty, with one API change; then the suite runs again and is compared with the baseline. */
async function gateAfter(change: Record<string, unknown>): Promise<{ code: number | null; findings: GateFinding[]; stdout: string }> {
  await admin("POST", "/reset");
  await admin("POST", "/changes", change);
  const out = tempDir("cc-gate-cand-");
  const ran = await runSuite(out);
  expect(ran.stderr).toBe("");
  const compared = await runBuiltCli(["compare", baseline, join(out, "results.json"), "--out", out, "--no-color", ...FLOOR], { cwd: dir });
  expect(compared.stderr).toBe("");
  return { code: compared.code, findings: gateFindings(out), stdout: compared.stdout };
}

function gateFindings(out: string): GateFinding[] {
  return (JSON.parse(readFileSync(join(out, "gate.json"), "utf8")) as { findings: GateFinding[] }).findings;
}

const summary = (f: GateFinding) => ({ class: f.class, step: f.stepKey, operation: f.operationId, path: f.path, baseline: f.baseline, candidate: f.candidate });
const regressions = (findings: GateFinding[]) => findings.filter((f) => f.severity === "regression").map((f) => f.class);

beforeAll(async () => {
  dir = tempDir("cc-gate-e2e-");
  emulator = await startEmulator({ port: 0 });
  env = environmentFile(emulator);
  const out = join(dir, "baseline");
  const ran = await runSuite(out);
  expect(ran.stderr).toBe("");
  expect(ran.code).toBe(0);
  baseline = join(out, "results.json");
}, 60_000);

afterAll(async () => {
  await emulator?.close();
});

describe("the gate catches each kind of API change the emulator simulates (built CLI, real suite)", () => {
  it("a field dropped from an entity: field-gone at the step and path, through run --baseline (exit 1)", async () => {
    await admin("POST", "/reset");
    await admin("POST", "/changes", { kind: "drop-field", entity: "contact", field: "email" });
    const out = tempDir("cc-gate-cand-");
    const r = await runSuite(out, ["--baseline", baseline, "--no-color", ...FLOOR]);
    expect(r.code).toBe(1);
    const findings = gateFindings(out);
    const gone = findings.find((f) => f.class === "field-gone" && f.stepKey === STEP("create a contact"));
    expect(gone && summary(gone)).toEqual({ class: "field-gone", step: STEP("create a contact"), operation: "Contacts/Create contact", path: "$.email", baseline: "string", candidate: undefined });
    expect(gone!.fingerprint).toBe(findingFingerprint("field-gone", STEP("create a contact"), "$.email"));
    expect(findings.filter((f) => f.class === "field-gone").every((f) => f.path === "$.email" || f.path === "$.contacts[].email")).toBe(true);
    expect(r.stdout).toContain(`✗ field-gone  contacts@us › create a contact $.email\n      $.email (string) is gone from the response\n      ${SUITE}:`);
  }, 60_000);

  it("a field added to an entity: field-added (a change: the gate passes, exit 0) and its drift", async () => {
    const r = await gateAfter({ kind: "add-field", entity: "contact", field: "nickname", value: "Nick" });
    expect(r.code).toBe(0);
    const added = r.findings.find((f) => f.class === "field-added" && f.stepKey === STEP("create a contact"));
    expect(added && summary(added)).toEqual({ class: "field-added", step: STEP("create a contact"), operation: "Contacts/Create contact", path: "$.nickname", baseline: undefined, candidate: "string" });
    expect(r.findings.some((f) => f.class === "new-drift" && f.stepKey === STEP("create a contact") && f.path === "/nickname")).toBe(true);
    expect(regressions(r.findings)).toEqual([]);
  }, 60_000);

  it("a field's type changed: type-changed at the step and path (exit 1)", async () => {
    const r = await gateAfter({ kind: "change-type", entity: "contact", field: "language", to: "number" });
    expect(r.code).toBe(1);
    const changed = r.findings.find((f) => f.class === "type-changed" && f.stepKey === STEP("create a contact"));
    expect(changed && summary(changed)).toEqual({ class: "type-changed", step: STEP("create a contact"), operation: "Contacts/Create contact", path: "$.language", baseline: "string", candidate: "number" });
    expect(r.findings.some((f) => f.class === "new-violation" && f.stepKey === STEP("create a contact") && f.path === "/language")).toBe(true);
  }, 60_000);

  it("an operation answering another status: status-changed at its step, and nothing about the error body's fields (exit 1)", async () => {
    const r = await gateAfter({ kind: "status", operation: "Contacts/List contacts", status: 400 });
    expect(r.code).toBe(1);
    const status = r.findings.find((f) => f.class === "status-changed" && f.operationId === "Contacts/List contacts");
    expect(status && summary(status)).toEqual({ class: "status-changed", step: STEP("list one contact per page"), operation: "Contacts/List contacts", path: undefined, baseline: "200", candidate: "400" });
    expect(r.findings.filter((f) => f.stepKey === STEP("list one contact per page")).map((f) => f.class).sort()).toEqual(["status-changed", "step-now-fails"]);
  }, 60_000);

  it("a slower operation: slower, naming the operation and both medians, and no other regression (exit 1)", async () => {
    const r = await gateAfter({ kind: "latency", operation: "Contacts/Get contact", latency_ms: 1500 });
    expect(r.code).toBe(1);
    expect(regressions(r.findings)).toEqual(["slower"]);
    const slower = r.findings[0]!;
    expect(summary(slower)).toMatchObject({ class: "slower", step: undefined, operation: "Contacts/Get contact", path: undefined });
    expect(Number.parseFloat(slower.candidate!)).toBeGreaterThanOrEqual(1500);
    expect(slower.fingerprint).toBe(findingFingerprint("slower", "Contacts/Get contact"));
  }, 60_000);

  it("a removed operation (404 as for a path the API never had): status-changed 200 -> 404 at the step that calls it (exit 1)", async () => {
    const r = await gateAfter({ kind: "remove-operation", operation: "Contacts/Update contact" });
    expect(r.code).toBe(1);
    const removed = r.findings.find((f) => f.class === "status-changed" && f.operationId === "Contacts/Update contact");
    expect(removed && summary(removed)).toEqual({ class: "status-changed", step: STEP("rename with update_mask"), operation: "Contacts/Update contact", path: undefined, baseline: "200", candidate: "404" });
  }, 60_000);
});
