import { stepKey, stepLabelOfKey } from "./step-key";

describe("step keys", () => {
  it("name a step by suite, region, phase and name, and read back as a label", () => {
    expect(stepKey("contacts@us", "steps", "list contacts")).toBe("contacts@us/steps/list contacts");
    expect(stepLabelOfKey("contacts@us", "contacts@us/steps/list contacts")).toBe("list contacts");
    expect(stepLabelOfKey("contacts@us", stepKey("contacts@us", "teardown", "delete a/b"))).toBe("teardown: delete a/b");
  });

  it("gives back a key that does not belong to the suite as it is", () => {
    expect(stepLabelOfKey("contacts@eu", "contacts@us/steps/x")).toBe("contacts@us/steps/x");
  });
});
