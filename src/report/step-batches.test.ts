import type { PlannedSuite } from "../model";
import { stepBatches } from "./step-batches";
import { sampleStep, sampleSuite } from "./testing/sample-result";

const item = (key: string) => ({ key, region: "us", suite: { id: key.split("@")[0], name: `Suite ${key}`, file: "s.yaml" } }) as unknown as PlannedSuite;

/** A handler that writes down what it was given: the suite it began, its batches' sizes and steps, and how it ended. */
function recorder() {
  const log: string[] = [];
  const events = stepBatches<{ key: string; batches: number[] }>({
    begin: (suite) => {
      log.push(`begin ${suite.key} ${suite.name}`);
      return { key: suite.key, batches: [] };
    },
    steps: (state, steps) => {
      state.batches.push(steps.length);
      for (const step of steps) log.push(`${state.key} ${step.name}`);
    },
    end: (state, result) => log.push(`end ${state.key} ${result.outcome} batches ${state.batches.join(",")}`),
  });
  return { log, events };
}

describe("a suite's steps handed to a listener once", () => {
  const steps = Array.from({ length: 250 }, (_, i) => sampleStep({ name: `step ${i}` }));

  it("gives the steps as they are recorded, in batches, and ends the suite when it ends, whatever its result holds", () => {
    const streamed = recorder();
    const [a, b] = [item("a@us"), item("b@us")];
    steps.forEach((step, i) => {
      streamed.events.onStepResult(a, step);
      if (i < 3) streamed.events.onStepResult(b, sampleStep({ name: `b ${i}` }));
    });
    streamed.events.onSuiteEnd(b, sampleSuite([], { key: "b@us" }));
    streamed.events.onSuiteEnd(a, sampleSuite([], { key: "a@us", outcome: "failed" }));
    expect(streamed.log.filter((l) => l.startsWith("begin"))).toEqual(["begin a@us Suite a@us", "begin b@us Suite b@us"]);
    expect(streamed.log.filter((l) => l.startsWith("a@us"))).toEqual(steps.map((s) => `a@us ${s.name}`));
    expect(streamed.log.filter((l) => l.startsWith("end"))).toEqual(["end b@us passed batches 3", "end a@us failed batches 100,100,50"]);
    expect(streamed.log.indexOf("a@us step 249")).toBeGreaterThan(streamed.log.indexOf("end b@us passed batches 3")); // the last batch at the end
  });

  it("takes a suite's steps from its result when none came before its end (a suite handed over whole), the same way", () => {
    const streamed = recorder();
    for (const step of steps) streamed.events.onStepResult(item("a@us"), step);
    streamed.events.onSuiteEnd(item("a@us"), sampleSuite(steps, { key: "a@us", name: "Suite a@us" }));
    const whole = recorder();
    whole.events.onSuiteEnd(item("a@us"), sampleSuite(steps, { key: "a@us", name: "Suite a@us" }));
    const handed = recorder();
    handed.events.whole(sampleSuite(steps, { key: "a@us", name: "Suite a@us" }));
    expect(whole.log).toEqual(streamed.log);
    expect(handed.log).toEqual(streamed.log);
  });
});
