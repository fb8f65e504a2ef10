import type { RunResult, Suite } from "../model";
import { checkSuites } from "../check";
import { learnRunInputs } from "../execute";
import { cbStep, reqStep, suite } from "../execute/testing/builders";
import { fakeContract, fakeRequests } from "../execute/testing/fake-contract";
import { buildPlan } from "../plan";
import { headerOfResult, planFingerprint } from "../report/run-header";
import { createRedactor } from "./redact";
import { suiteFacts } from "./suite-facts";

/** A suite whose main steps count how often they are gone through, as a stored suite's parts are read back each time. */
function counted(s: Suite): { suite: Suite; passes: () => number } {
  let passes = 0;
  const steps = s.steps;
  const iterate = steps[Symbol.iterator].bind(steps);
  Object.defineProperty(steps, Symbol.iterator, { value: () => (passes++, iterate()) });
  return { suite: s, passes: () => passes };
}

describe("suiteFacts (what the start of a run asks of every step, in one pass)", () => {
  it("says whether a step waits for a callback, and finds what is written under secret-like keys, once each", () => {
    const plain = suite("plain", { steps: [reqStep("a"), reqStep("b")] });
    expect(suiteFacts(plain)).toMatchObject({ waitsForCallback: false, writtenSecrets: [] });
    const s = suite("s", {
      steps: [
        reqStep("login", { body: { password: "hunter2-pw", user: "me" } }),
        reqStep("again", { headers: { "x-api-key": "key-12345" }, body: { password: "hunter2-pw" } }),
        reqStep("templated", { body: { password: "{{PASSWORD}}" } }),
        cbStep("hook", {}),
      ],
    }, { variables: { client_secret: "from-variables" } });
    const facts = suiteFacts(s);
    expect(facts.waitsForCallback).toBe(true);
    expect([...facts.writtenSecrets].sort()).toEqual(["from-variables", "hunter2-pw", "key-12345"]);
  });

  it("hashes the steps' phases and names in any order: another name or phase is another hash", () => {
    const digest = (steps: Parameters<typeof suite>[1]) => suiteFacts(suite("s", steps)).stepsDigest;
    const base = digest({ setup: [reqStep("make")], steps: [reqStep("a"), reqStep("b")] });
    expect(digest({ setup: [reqStep("make")], steps: [reqStep("b"), reqStep("a")] })).toBe(base);
    expect(digest({ setup: [reqStep("make")], steps: [reqStep("a"), reqStep("c")] })).not.toBe(base);
    expect(digest({ steps: [reqStep("make"), reqStep("a"), reqStep("b")] })).not.toBe(base);
  });

  it("check finds them in its own pass: the fingerprint, the redactor and the console then read no step again", () => {
    const { suite: s, passes } = counted(suite("big", { steps: [reqStep("create", { body: { token: "tok-abcdef" } }), cbStep("hook", {})] }));
    checkSuites([s], { requests: fakeRequests(), contract: fakeContract(), runVariables: ["BASE_URL", "PROJECT"] });
    expect(passes()).toBe(1);
    const plan = buildPlan([s], { regions: ["us", "eu"] });
    planFingerprint(plan);
    const redactor = createRedactor([]);
    learnRunInputs(redactor, { plan });
    expect(plan.items.some((item) => suiteFacts(item.suite).waitsForCallback)).toBe(true);
    expect(passes()).toBe(1);
    expect(redactor.redact("said tok-abcdef")).toBe("said [REDACTED]");
  });

  it("gives a plan and the result of running it the same fingerprint", () => {
    const s = suite("s", { setup: [reqStep("make")], steps: [reqStep("a"), reqStep("b")] });
    const plan = buildPlan([s], { regions: ["us", "eu"] });
    const result = {
      tool: { name: "conversation-contract", version: "0" }, target: "t", regions: ["us", "eu"], strict: false, startedAt: "", finishedAt: "", durationMs: 0,
      suites: plan.items.map((item) => ({ key: item.key, steps: [...item.suite.setup, ...item.suite.steps].map((st) => ({ phase: st.phase, name: st.name })) })),
    } as unknown as RunResult;
    expect(headerOfResult(result).planFingerprint).toBe(planFingerprint(plan));
    const renamed = { ...result, suites: [result.suites[0]!, { ...result.suites[1]!, key: "other@eu" }] } as RunResult;
    expect(headerOfResult(renamed).planFingerprint).not.toBe(planFingerprint(plan));
  });
});
