import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveConfig } from "../config";
import { startEmulator, type EmulatorHandle } from "../emulator";
import type { StepResult } from "../model";
import { runProject } from "./run-project";

/*
 * Outcomes that name the real cause (issues 9.5, 10.4), against a real emulator the test can inject faults into:
 * a step that timed out or lost its connection is that step's error (exit 1), never "could not reach the target";
 * an interrupt while a request is in flight, retried, polled or waits for Retry-After is interrupted (exit 3,
 * CC_INTERRUPTED), never a contract failure; --timeout holds at every value.
 */

const ROOT = resolve(__dirname, "..", "..");
let emu: EmulatorHandle;
let dir: string;
let envFile: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "cc-outcomes-"));
  envFile = join(dir, "us.postman_environment.json");
  const us = emu.info.regions.us;
  const values = { REGION: "us", BASE_URL: us.baseUrl, AUTH_URL: us.authUrl, TEMPLATE_BASE_URL: us.templateBaseUrl, PROJECT: emu.info.projectId,
    CLIENT_ID: emu.info.clientId, CLIENT_SECRET: emu.info.clientSecret };
  writeFileSync(envFile, JSON.stringify({ values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) }));
});
afterAll(async () => { await emu.close(); });
afterEach(() => { emu.reset(); });

async function fault(body: object): Promise<void> {
  const res = await fetch(`${emu.info.adminUrl}/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`fault not registered: ${res.status} ${await res.text()}`);
}

/** Resolves once a fault has hit a request (a spent fault leaves the list): the step is then in flight, retrying, or waiting. */
async function faultHit(): Promise<void> {
  for (const until = Date.now() + 10_000; Date.now() < until;) {
    const { faults } = (await (await fetch(`${emu.info.adminUrl}/faults`)).json()) as { faults: Array<{ hits: number }> };
    if (faults.length === 0 || faults.some((f) => f.hits > 0)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("no request hit the fault within 10 s");
}

const LIST = "steps:\n  - name: list contacts\n    request: Contacts/List contacts\n    expect: { status: 200 }\n";
/** Basic auth: no token request shares the timeout with the request the fault slows down */
const LIST_BASIC = `auth: basic\n${LIST}`;
const CREATE = "steps:\n  - name: create contact\n    request: Contacts/Create contact\n" +
  "    body: { channel_identities: [{ channel: SMS, identity: '46701112222' }], language: EN_US }\n    expect: { status: 200 }\n" +
  "    capture: { CONTACT: $.id }\n  - name: list contacts\n    request: Contacts/List contacts\n    expect: { status: 200 }\n" +
  "teardown:\n  - name: delete contact\n    request: Contacts/Delete contact\n";
const POLL = "steps:\n  - name: poll until never\n    request: Contacts/List contacts\n    expect: { status: 200 }\n" +
  "    retry: { until: { body: { \"$.contacts[0].id\": never } }, attempts: 100, delay_ms: 100 }\n";

async function run(suite: string, flags: string[] = [], signal?: AbortSignal) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `name: Outcome\n${suite}`);
  const argv = ["run", file, "--env", `us=${envFile}`, "--region", "us", "--out", join(dir, "out"), "--reporter", "json", ...flags];
  const { config, diagnostics } = resolveConfig({ argv, env: {}, cwd: ROOT });
  if (!config) throw new Error(diagnostics.map((d) => d.message).join("; "));
  const outcome = await runProject({ config, env: {}, ...(signal ? { signal } : {}) });
  const steps: StepResult[] = outcome.result?.suites.flatMap((s) => s.steps) ?? [];
  return { outcome, steps, codes: outcome.diagnostics.map((d) => d.code) };
}

describe("--timeout is honoured within 50 ms at any value (emulator latency fault)", () => {
  // the first run of a process loads the contract and compiles the schemas: not part of any case
  beforeAll(async () => { await run(LIST_BASIC); });
  const cases = [100, 180, 300, 500].flatMap((timeout) => [50, 150, 320].map((over) => ({ timeout, latency: timeout + over })));
  it.each(cases)("a %o response is the step's CC_TIMEOUT error, not a pass and not exit 3", async ({ timeout, latency }) => {
    await fault({ method: "GET", path: "/v1/projects/*/contacts", action: { latency_ms: latency } });
    const r = await run(LIST_BASIC, ["--timeout", String(timeout)]);
    const [step] = r.steps;
    expect(step).toMatchObject({ outcome: "error", error: { code: "CC_TIMEOUT" }, failures: [] });
    expect(step!.attempts).toHaveLength(1);
    // never before the timeout; how soon after it is measured, not asserted (a busy machine delays any timer)
    expect(step!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(timeout - 1);
    expect(r.outcome.status).toBe("failed");
    expect(r.codes).not.toContain("CC_TARGET_UNREACHABLE");
  });

  it("lets a response well inside the timeout pass", async () => {
    await fault({ method: "GET", path: "/v1/projects/*/contacts", action: { latency_ms: 100 } });
    const r = await run(LIST, ["--timeout", "3000"]);
    expect(r.steps[0]).toMatchObject({ outcome: "passed" });
    expect(r.outcome.status).toBe("passed");
  });
});

describe("one step that timed out or lost its connection is that step's error (exit 1), not exit 3", () => {
  const faults = [{ drop: true }, { latency_ms: 600 }];
  const stepsHit = [{ method: "POST", name: "the first step" }, { method: "GET", name: "a later step" }];
  const cases = faults.flatMap((action) => stepsHit.map((hit) => ({ action, ...hit })));
  it.each(cases)("%o", async ({ action, method }) => {
    await fault({ method, path: "/v1/projects/*/contacts", action });
    const r = await run(CREATE, ["--timeout", "300", "--retries", "0"]);
    const bad = r.steps.filter((s) => s.outcome === "error");
    expect(bad).toHaveLength(1);
    expect(["CC_TIMEOUT", "CC_NETWORK_ERROR"]).toContain(bad[0]!.error!.code);
    expect(r.outcome.status).toBe("failed");
    expect(r.codes).toEqual([]);
  });
});

describe("an interrupt is interrupted (exit 3, CC_INTERRUPTED), never a contract failure", () => {
  const cases = [
    { what: "a request in flight", suite: LIST, fault: { method: "GET", path: "/v1/projects/*/contacts", action: { latency_ms: 2500 } } },
    { what: "a wait for Retry-After", suite: LIST, fault: { method: "GET", path: "/v1/projects/*/contacts", action: { status: 429, retry_after: 10 } } },
    { what: "a back-off between retries", suite: LIST, flags: ["--retries", "8"],
      fault: { method: "GET", path: "/v1/projects/*/contacts", count: 9, action: { status: 503 } } },
    { what: "a poll", suite: POLL, fault: { method: "GET", path: "/v1/projects/*/contacts", count: 1, action: { latency_ms: 1 } } },
  ];
  it.each(cases)("during $what", async ({ suite, fault: f, flags }) => {
    await fault(f);
    const controller = new AbortController();
    const started = Date.now();
    const running = run(suite, flags ?? [], controller.signal);
    await faultHit();
    await new Promise((r) => setTimeout(r, 150));
    controller.abort();
    const r = await running;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.outcome.status).toBe("could-not-run");
    expect(r.codes).toEqual(["CC_INTERRUPTED"]);
    expect(r.steps[0]).toMatchObject({ outcome: "error", error: { code: "CC_INTERRUPTED" }, failures: [] });
    expect(r.outcome.result!.totals.failed).toBe(0);
  });
});
