import { createRedactor } from "../diagnostics";
import { buildPlan } from "../plan";
import type { RunEvents, RunResult, Suite } from "../model";
import { runPlan } from "./run-plan";
import { contactFlow, reqStep, suite, testOptions } from "./testing/builders";
import { fakeContract, fakeRequests } from "./testing/fake-contract";
import { startFakeApi, type FakeApi } from "./testing/fake-api";

let api: FakeApi;
beforeEach(async () => { api = await startFakeApi(); });
afterEach(async () => { await api.close(); });

async function run(suites: Suite[], opts: { regions?: string[]; options?: Parameters<typeof testOptions>[0];
  listeners?: RunEvents[]; signal?: AbortSignal; keepResults?: boolean } = {}): Promise<RunResult> {
  const regions = opts.regions ?? ["us"];
  return runPlan({
    plan: buildPlan(suites, { regions }), requests: fakeRequests(), contract: fakeContract(), targets: api.targets(regions),
    options: testOptions(opts.options), listeners: opts.listeners ?? [], target: "fake", toolVersion: "0.0.0-test", signal: opts.signal,
    keepResults: opts.keepResults,
  });
}

const outcomes = (r: RunResult, i = 0): string[] => r.suites[i]!.steps.map((s) => `${s.name}:${s.outcome}`);

describe("runPlan", () => {
  it("runs a chained suite: captures feed later steps, teardown cleans up, every body is schema-checked", async () => {
    const r = await run([suite("c", { steps: [contactFlow.create(), contactFlow.get()], teardown: [contactFlow.remove()] })]);
    expect(outcomes(r)).toEqual(["create:passed", "get:passed", "delete:passed"]);
    expect(r.totals).toMatchObject({ suites: 1, steps: 3, passed: 3, failed: 0 });
    expect(r.suites[0]!.steps[0]!.exchange).toBeUndefined();
    expect(api.tokenFetches).toEqual({ us: 1 });
  });

  it("sends a suite's requests one after another over one connection, which the next suite then takes over", async () => {
    const flow = (name: string) => suite(name, { steps: [contactFlow.create(), contactFlow.get(), contactFlow.get({ name: "again" })], teardown: [contactFlow.remove()] });
    const r = await run([flow("a"), flow("b")], { options: { concurrency: 1 } });
    expect(r.totals.passed).toBe(8);
    expect(api.clientPorts).toHaveLength(8);
    expect(new Set(api.clientPorts).size).toBe(1);
  });

  it("gives suites that run at once a connection each", async () => {
    const flows = ["a", "b", "c"].map((name) => suite(name, { steps: [contactFlow.create(), contactFlow.get(), contactFlow.get({ name: "again" })] }));
    const r = await run(flows, { options: { concurrency: 3 } });
    expect(r.totals.passed).toBe(9);
    expect(new Set(api.clientPorts).size).toBe(3);
  });

  it("fetches one token for ten concurrent suites of a region, and one per region", async () => {
    const suites = Array.from({ length: 10 }, (_, i) => suite(`s${i}`, { steps: [contactFlow.create()] }));
    const r = await run(suites, { regions: ["us", "eu"], options: { concurrency: 10 } });
    expect(r.totals.passed).toBe(20);
    expect(api.tokenFetches).toEqual({ us: 1, eu: 1 });
  });

  it("skips the rest after a failure, still runs teardown, and skips a teardown whose variable was never captured", async () => {
    const s = suite("c", {
      steps: [contactFlow.create(), contactFlow.get({ name: "wrong", expect: { status: 201, headers: {}, body: {} } }), contactFlow.get()],
      teardown: [contactFlow.remove(), reqStep("other", { request: "Contacts/Delete contact", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/{{NEVER}}" })],
    });
    const r = await run([s]);
    expect(outcomes(r)).toEqual(["create:passed", "wrong:failed", "get:skipped", "delete:passed", "other:skipped"]);
    const wrong = r.suites[0]!.steps[1]!;
    expect(wrong.failures).toEqual([expect.objectContaining({ kind: "status", expected: "201", actual: "200" })]);
    expect(wrong.exchange?.request.headers.authorization).toBe("[REDACTED]");
    expect(wrong.exchange?.response?.status).toBe(200);
    expect(r.suites[0]!.steps[4]!.skipReason).toMatch(/NEVER/);
    expect(r.suites[0]!.outcome).toBe("failed");
  });

  it("never lets a token reach a result or an exchange", async () => {
    const s = suite("c", { steps: [contactFlow.create(), contactFlow.get({ expect: { status: 404, headers: {}, body: {} } })] });
    const r = await run([s]);
    expect(r.totals.failed).toBe(1);
    const text = JSON.stringify(r);
    expect(api.issuedTokens.length).toBeGreaterThan(0);
    for (const token of api.issuedTokens) expect(text).not.toContain(token);
    expect(text).not.toContain("secret-1");
  });

  it("teaches the caller's redactor the webhook secret and every token, and redacts the secret in exchanges", async () => {
    const redactor = createRedactor([]);
    const failing = contactFlow.create({ body: { display_name: "{{WEBHOOK_SECRET}}" }, expect: { status: 201, headers: {}, body: {} } });
    const r = await runPlan({
      plan: buildPlan([suite("c", { steps: [failing] })], { regions: ["us"] }), requests: fakeRequests(), contract: fakeContract(),
      targets: api.targets(["us"]), options: testOptions(), listeners: [], target: "fake", toolVersion: "0.0.0-test",
      runVariables: { WEBHOOK_SECRET: "webhook-secret-under-test" }, redactor,
    });
    expect(r.totals.failed).toBe(1);
    expect(r.suites[0]!.steps[0]!.exchange?.request.body).toContain("[REDACTED]");
    expect(JSON.stringify(r)).not.toContain("webhook-secret-under-test");
    expect(redactor.redact("x webhook-secret-under-test y")).toBe("x [REDACTED] y");
    for (const token of api.issuedTokens) expect(redactor.redact(token)).toBe("[REDACTED]");
  });

  it("fails a step whose capture finds nothing, and skips what would have used it", async () => {
    const create = contactFlow.create({ capture: { CONTACT: "$.id", NOPE: "$.no_such_field" } });
    const r = await run([suite("c", { steps: [create, contactFlow.get()], teardown: [contactFlow.remove()] })]);
    expect(outcomes(r)).toEqual(["create:failed", "get:skipped", "delete:passed"]);
    expect(r.suites[0]!.steps[0]!.failures).toEqual([
      { kind: "capture", path: "$.no_such_field", message: "found nothing in the response to capture as NOPE" }]);
  });

  it("adds no capture failure to a step whose status already failed", async () => {
    const create = contactFlow.create({ capture: { NOPE: "$.no_such_field" }, expect: { status: 201, headers: {}, body: {} } });
    const step = (await run([suite("c", { steps: [create] })])).suites[0]!.steps[0]!;
    expect(step.failures.map((f) => f.kind)).toEqual(["status"]);
  });

  it("scrubs a secret a failed check quotes from the body (the step-level scrub)", async () => {
    const failing = contactFlow.create({
      body: { display_name: "{{WEBHOOK_SECRET}}" },
      expect: { status: 200, headers: {}, body: { "$.display_name": "someone else" } },
    });
    const r = await runPlan({
      plan: buildPlan([suite("c", { steps: [failing] })], { regions: ["us"] }), requests: fakeRequests(), contract: fakeContract(),
      targets: api.targets(["us"]), options: testOptions(), listeners: [], target: "fake", toolVersion: "0.0.0-test",
      runVariables: { WEBHOOK_SECRET: "webhook-secret-under-test" },
    });
    expect(r.suites[0]!.steps[0]!.failures).toEqual([{ kind: "body", path: "$.display_name", message: 'expected "someone else", got "[REDACTED]"',
      expected: '"someone else"', actual: '"[REDACTED]"' }]);
  });

  it("reports an unresolved variable as an error naming it", async () => {
    const r = await run([suite("c", { steps: [contactFlow.get()] })]);
    expect(r.suites[0]!.steps[0]).toMatchObject({ outcome: "error", error: { code: "CC_UNRESOLVED_VARIABLE" } });
    expect(r.suites[0]!.steps[0]!.error!.message).toContain("CONTACT");
  });

  it("fails a response with no known schema, and a body that is not JSON", async () => {
    const s = suite("c", { steps: [
      reqStep("unknown op", { method: "GET", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/text", expect: { status: 200, headers: {}, body: {} } }),
    ] });
    const schemaGiven = suite("d", { steps: [
      reqStep("text", { method: "GET", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/text", expect: { status: 200, schema: "Contact", headers: {}, body: {} } }),
    ] });
    const r = await run([s, schemaGiven]);
    expect(r.suites[0]!.steps[0]!.failures.map((f) => f.kind)).toEqual(["no-schema"]);
    const notJson = r.suites[1]!.steps[0]!.failures[0]!;
    expect(notJson).toMatchObject({ kind: "not-json", schema: "contact" });
    expect(notJson.message).toContain("hello, not json");
  });

  it("lists schema violations in full and reports drift (a failure with strict)", async () => {
    const s = suite("c", { steps: [contactFlow.create({ body: { display_name: 42, extra: true } as unknown as object, expect: { status: 200, headers: {}, body: {} } })] });
    const loose = await run([s]);
    const step = loose.suites[0]!.steps[0]!;
    expect(step.failures).toEqual([expect.objectContaining({ kind: "schema", schema: "contact",
      violations: [expect.objectContaining({ instancePath: "/display_name", keyword: "type" })] })]);
    expect(step.drift).toEqual([{ instancePath: "/extra", schema: "contact" }]);
    const ok = suite("d", { steps: [contactFlow.create({ body: { display_name: "QA 1", extra: 1 } })] });
    expect((await run([ok])).suites[0]!.steps[0]!.outcome).toBe("passed");
    const strict = await run([ok], { options: { strict: true } });
    expect(strict.suites[0]!.steps[0]!.failures[0]!.message).toMatch(/--strict/);
  });

  it("hands exports to suites that need them, and skips dependents of a failed suite", async () => {
    const app = suite("app", { steps: [contactFlow.create()], teardown: [contactFlow.remove()] }, { exports: ["CONTACT"] });
    const user = suite("user", { steps: [contactFlow.get()] }, { needs: ["app"] });
    const other = suite("other", { steps: [contactFlow.get()] }, { needs: ["app"] });
    const order: string[] = [];
    const listener: RunEvents = { onStepResult: (item, res) => order.push(`${item.key}:${res.name}`) };
    const r = await run([user, app, other], { options: { concurrency: 1 }, listeners: [listener] });
    expect(r.suites.map((s) => `${s.key}:${s.outcome}`)).toEqual(["app@us:passed", "user@us:passed", "other@us:passed"]);
    // the shared suite's teardown waits for every suite that needs it, without holding the only slot
    expect(order.at(-1)).toBe("app@us:delete");
    const broken = suite("app", { steps: [contactFlow.create({ expect: { status: 500, headers: {}, body: {} } })] }, { exports: ["CONTACT"] });
    const r2 = await run([user, broken]);
    expect(r2.suites[1]!.steps[0]).toMatchObject({ outcome: "skipped", skipReason: "needed suite app@us failed" });
  });

  it("ends each suite (teardown and all) as soon as it is done, outside the queue, before later suites start", async () => {
    const suites = ["a", "b", "c", "d"].map((id) => suite(id, { steps: [contactFlow.create()], teardown: [contactFlow.remove()] }));
    const order: string[] = [];
    const listener: RunEvents = { onSuiteStart: (item) => order.push(`start ${item.key}`), onSuiteEnd: (item) => order.push(`end ${item.key}`) };
    await run(suites, { options: { concurrency: 1 }, listeners: [listener] });
    expect(order).toEqual(["a", "b", "c", "d"].flatMap((id) => [`start ${id}@us`, `end ${id}@us`]));
    // a shared suite ends right after its last user
    const app = suite("app", { steps: [contactFlow.create()], teardown: [contactFlow.remove()] }, { exports: ["CONTACT"] });
    const user = suite("user", { steps: [contactFlow.get()] }, { needs: ["app"] });
    order.length = 0;
    await run([app, user, ...suites], { options: { concurrency: 1 }, listeners: [listener] });
    expect(order.indexOf("end app@us")).toBe(order.indexOf("end user@us") + 1);
  });

  it("rounds every duration of the result to 0.1 ms: steps, attempts, suites and the run (issue 9.6)", async () => {
    api.options.faults.set("/contacts/C", [503]);
    const r = await run([suite("c", { steps: [contactFlow.create(), contactFlow.get()], teardown: [contactFlow.remove()] })]);
    const steps = r.suites.flatMap((s) => s.steps);
    const durations = [r.durationMs, ...r.suites.map((s) => s.durationMs), ...steps.map((s) => s.durationMs),
      ...steps.flatMap((s) => s.attempts.map((a) => a.durationMs))];
    expect(steps.flatMap((s) => s.attempts)).toHaveLength(4);
    for (const ms of durations) {
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBe(Math.round(ms * 10) / 10);
    }
    expect(JSON.stringify(r)).not.toMatch(/"durationMs":\d+\.\d\d/);
  });

  it("retries a transient 503 and marks the step flaky", async () => {
    api.options.faults.set("/contacts/C", [503]);
    const r = await run([suite("c", { steps: [contactFlow.create(), contactFlow.get()] })]);
    const get = r.suites[0]!.steps[1]!;
    expect(get).toMatchObject({ outcome: "passed", flaky: true });
    expect(get.attempts.map((a) => [a.status, a.retryReason])).toEqual([[503, "503"], [200, undefined]]);
    expect(r.totals.flaky).toBe(1);
  });

  it("polls with retry.until and fails with kind retry when it never holds", async () => {
    const poll = contactFlow.get({ retry: { until: { body: { "$.display_name": "never" } }, attempts: 3, delayMs: 1 } });
    const r = await run([suite("c", { steps: [contactFlow.create(), poll] })]);
    const step = r.suites[0]!.steps[1]!;
    expect(step.failures.map((f) => f.kind)).toEqual(["retry"]);
    expect(step.attempts.map((a) => a.retryReason)).toEqual(["poll", "poll", undefined]);
  });

  it("reports rejected credentials as CC_CREDENTIALS_REJECTED", async () => {
    api.options.rejectCredentials = true;
    const r = await run([suite("c", { steps: [contactFlow.create()] })]);
    expect(r.suites[0]!.steps[0]).toMatchObject({ outcome: "error", error: { code: "CC_CREDENTIALS_REJECTED" } });
  });

  it("with bail, starts no new suite after a failure", async () => {
    const bad = suite("a", { steps: [contactFlow.create({ expect: { status: 500, headers: {}, body: {} } })] });
    const later = suite("b", { steps: [contactFlow.create()] });
    const r = await run([bad, later], { options: { concurrency: 1, bail: true } });
    expect(r.suites[1]!.steps[0]).toMatchObject({ outcome: "skipped", skipReason: expect.stringMatching(/bail/) });
    expect(r.suites.map((x) => x.interrupted)).toEqual([undefined, undefined]);
  });

  it("on abort stops sending new steps but still runs teardown, and marks the suite interrupted", async () => {
    const controller = new AbortController();
    const listener: RunEvents = { onStepResult: (_item, result) => { if (result.name === "create") controller.abort(); } };
    const s = suite("c", { steps: [contactFlow.create(), contactFlow.get()], teardown: [contactFlow.remove()] });
    const r = await run([s], { listeners: [listener], signal: controller.signal });
    expect(outcomes(r)).toEqual(["create:passed", "get:skipped", "delete:passed"]);
    expect(r.suites[0]!.interrupted).toBe(true);
  });

  it("emits events in order", async () => {
    const seen: string[] = [];
    const listener: RunEvents = {
      onRunStart: () => seen.push("run:start"), onSuiteStart: (i) => seen.push(`suite:start:${i.key}`),
      onStepStart: (_i, s) => seen.push(`step:start:${s.name}`), onStepResult: (_i, r) => seen.push(`step:${r.name}:${r.outcome}`),
      onSuiteEnd: (i, r) => seen.push(`suite:end:${i.key}:${r.outcome}`), onRunEnd: async (r) => { seen.push(`run:end:${r.totals.steps}`); },
    };
    await run([suite("c", { steps: [contactFlow.create()] })], { listeners: [listener] });
    expect(seen).toEqual(["run:start", "suite:start:c@us", "step:start:create", "step:create:passed", "suite:end:c@us:passed", "run:end:1"]);
  });
});

describe("runPlan auth", () => {
  it("sends Basic for a step with auth: basic and nothing for auth: none", async () => {
    const s = suite("c", { steps: [
      contactFlow.create({ auth: "basic" }),
      contactFlow.get({ name: "anonymous", auth: "none", expect: { status: 401, headers: {}, body: {} } }),
    ] });
    const r = await run([s]);
    expect(outcomes(r)).toEqual(["create:passed", "anonymous:passed"]);
    expect(api.authSeen).toEqual([expect.stringMatching(/^Basic /), ""]);
    expect(api.tokenFetches).toEqual({});
  });

  it("refreshes an expired token once and retries the step", async () => {
    const s = suite("c", { steps: [contactFlow.create(), contactFlow.get()] });
    const listener: RunEvents = { onStepResult: () => { for (const t of api.issuedTokens) api.expired.add(t); } };
    const r = await run([s], { listeners: [listener] });
    const get = r.suites[0]!.steps[1]!;
    expect(get).toMatchObject({ outcome: "passed", flaky: false });
    expect(get.attempts.map((a) => [a.status, a.retryReason])).toEqual([[401, "token expired"], [200, undefined]]);
    expect(api.tokenFetches.us).toBe(2);
  });
});

describe("cross-region run variables", () => {
  const euUrl = "{{BASE_URL_EU}}/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}";
  const crossRegion = (): Suite => suite("x", { steps: [
    contactFlow.create(),
    contactFlow.get({ name: "us token in eu", url: euUrl, expect: { status: 401, headers: {}, body: {} } }),
    contactFlow.get({ name: "basic in eu", url: euUrl, auth: "basic", expect: { status: 404, headers: {}, body: {} } }),
  ] }, { regions: ["us"] });

  it("gives every step BASE_URL_<REGION>, AUTH_URL_<REGION>, TEMPLATE_BASE_URL_<REGION> of each region of the run", async () => {
    const r = await run([crossRegion()], { regions: ["us", "eu"] });
    expect(outcomes(r)).toEqual(["create:passed", "us token in eu:passed", "basic in eu:passed"]);
    expect(api.tokenFetches).toEqual({ us: 1 });
    const vars = suite("v", { steps: [reqStep("echo", {
      method: "POST", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts", body: { display_name: "{{AUTH_URL_EU}} {{TEMPLATE_BASE_URL_US}} {{BASE_URL_US}}" },
      expect: { status: 200, headers: {}, body: { "$.display_name": `${api.base}/eu/auth ${api.base}/us/template ${api.base}/us` } },
    })] }, { regions: ["us"] });
    expect(outcomes(await run([vars], { regions: ["us", "eu"] }))).toEqual(["echo:passed"]);
  });

  it("has no BASE_URL_EU when eu is not a region of the run, and says why", async () => {
    const r = await run([crossRegion()], { regions: ["us"] });
    expect(outcomes(r)).toEqual(["create:passed", "us token in eu:error", "basic in eu:skipped"]);
    const error = r.suites[0]!.steps[1]!.error!;
    expect(error.code).toBe("CC_UNRESOLVED_VARIABLE");
    expect(error.message).toContain("BASE_URL_EU");
    expect(error.message).toContain("region eu is not part of this run");
  });

  it("keeping no results, hands each step to onStepResult and each suite to onSuiteEnd without steps, with the same outcomes and totals", async () => {
    const suites = () => [
      suite("ok", { steps: [contactFlow.create(), contactFlow.get()], teardown: [contactFlow.remove()] }),
      suite("bad", { steps: [contactFlow.create(), contactFlow.get({ name: "wrong", expect: { status: 201, headers: {}, body: {} } }), contactFlow.get()], teardown: [contactFlow.remove()] }),
    ];
    const seen = (): RunEvents & { steps: string[]; ends: Array<{ key: string; outcome: string; steps: number }> } => {
      const listener = {
        steps: [] as string[],
        ends: [] as Array<{ key: string; outcome: string; steps: number }>,
        onStepResult: (item: { key: string }, step: { name: string; outcome: string }) => listener.steps.push(`${item.key} ${step.name}:${step.outcome}`),
        onSuiteEnd: (_item: unknown, result: { key: string; outcome: string; steps: unknown[] }) => listener.ends.push({ key: result.key, outcome: result.outcome, steps: result.steps.length }),
      };
      return listener;
    };
    const [kept, released] = [seen(), seen()];
    const keptRun = await run(suites(), { options: { concurrency: 1 }, listeners: [kept] });
    const releasedRun = await run(suites(), { options: { concurrency: 1 }, listeners: [released], keepResults: false });
    expect(released.steps).toEqual(kept.steps);
    expect(released.steps).toContain("bad@us wrong:failed");
    expect(kept.ends.map((e) => e.steps)).toEqual([3, 4]);
    expect(released.ends).toEqual(kept.ends.map((e) => ({ ...e, steps: 0 })));
    expect(released.ends.map((e) => e.outcome)).toEqual(["passed", "failed"]);
    expect(releasedRun.suites).toEqual([]);
    expect(releasedRun.totals).toEqual(keptRun.totals);
  });

  it("keeping no results, lets a suite's steps go once its last region has run it, and runs every region in full first", async () => {
    const suites = () => [
      suite("a", { steps: [contactFlow.create(), contactFlow.get()], teardown: [contactFlow.remove()] }),
      suite("b", { setup: [contactFlow.create()], steps: [contactFlow.get()], teardown: [contactFlow.remove()] }),
    ];
    const stepsLeft = (list: Suite[]) => list.map((s) => s.setup.length + s.steps.length + s.teardown.length);
    const ran = (): RunEvents & { steps: string[] } => {
      const listener = { steps: [] as string[], onStepResult: (item: { key: string }, step: { name: string; outcome: string }) => listener.steps.push(`${item.key} ${step.name}:${step.outcome}`) };
      return listener;
    };
    const [kept, released] = [ran(), ran()];
    const [keptSuites, releasedSuites] = [suites(), suites()];
    const keptRun = await run(keptSuites, { regions: ["us", "eu"], options: { concurrency: 1 }, listeners: [kept] });
    const releasedRun = await run(releasedSuites, { regions: ["us", "eu"], options: { concurrency: 1 }, listeners: [released], keepResults: false });
    expect(released.steps).toEqual(kept.steps);
    expect(released.steps.filter((s) => s.endsWith(":passed"))).toHaveLength(12);
    expect(releasedRun.totals).toEqual(keptRun.totals);
    expect(stepsLeft(keptSuites)).toEqual([3, 3]);
    expect(stepsLeft(releasedSuites)).toEqual([0, 0]);
  });
});
