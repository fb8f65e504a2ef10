import type { CallbackStep, ExecuteOptions, Phase, RequestStep, Suite } from "../../model";

const pos = { file: "suites/t.yaml", line: 1, column: 1 };

/** A request step with defaults; `over` sets anything else. */
export function reqStep(name: string, over: Partial<RequestStep> = {}): RequestStep {
  return { kind: "request", name, phase: "steps", index: 0, pos, fieldPos: {}, capture: {}, query: {}, headers: {},
    expect: { headers: {}, body: {} }, ...over };
}

/** A callback step with defaults. */
export function cbStep(name: string, callback: Partial<CallbackStep["callback"]>, over: Partial<CallbackStep> = {}): CallbackStep {
  return { kind: "callback", name, phase: "steps", index: 0, pos, fieldPos: {}, capture: {},
    callback: { trigger: "MESSAGE_DELIVERY", match: {}, withinMs: 5000, signed: false, ...callback }, ...over };
}

/** A suite; phases are set on the steps given. */
export function suite(id: string, parts: { setup?: RequestStep[]; steps: Array<RequestStep | CallbackStep>; teardown?: RequestStep[] },
  over: Partial<Suite> = {}): Suite {
  const phase = <T extends { phase: Phase; index: number }>(list: T[] | undefined, p: Phase): T[] =>
    (list ?? []).map((s, index) => ({ ...s, phase: p, index }));
  return { file: `suites/${id}.yaml`, id, name: `Suite ${id}`, tags: [], auth: "oauth2", needs: [], exports: [], variables: {},
    setup: phase(parts.setup, "setup"), steps: phase(parts.steps, "steps"), teardown: phase(parts.teardown, "teardown"),
    pos, fieldPos: {}, ...over };
}

/** Execute options for tests: quick back-off, generous timeouts. */
export function testOptions(over: Partial<ExecuteOptions> = {}): ExecuteOptions {
  return { concurrency: 4, bail: false, strict: false, requestTimeoutMs: 10_000,
    backoff: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxTotalMs: 10_000 }, ...over };
}

/** Steps of the chained contact flow: create (capture CONTACT), get, and a teardown delete. */
export const contactFlow = {
  create: (over: Partial<RequestStep> = {}): RequestStep =>
    reqStep("create", { request: "Contacts/Create contact", body: { display_name: "QA {{$randomInt}}" }, capture: { CONTACT: "$.id" },
      expect: { status: 200, headers: {}, body: { "$.display_name": { matches: "^QA " } } }, ...over }),
  get: (over: Partial<RequestStep> = {}): RequestStep =>
    reqStep("get", { request: "Contacts/Get contact", expect: { status: 200, headers: {}, body: { "$.id": "{{CONTACT}}" } }, ...over }),
  remove: (over: Partial<RequestStep> = {}): RequestStep =>
    reqStep("delete", { request: "Contacts/Delete contact", expect: { status: 200, headers: {}, body: {} }, ...over }),
};
