import type { Plan, Suite } from "../model";
import { cbStep, reqStep, suite } from "../execute/testing/builders";
import { REGIONS } from "../vocabulary/regions";
import { callbackReachProblem } from "./callback-reach";

const withCallback = suite("events", { steps: [reqStep("send"), cbStep("delivered", { trigger: "EVENT_DELIVERY" }, { pos: { file: "suites/events.yaml", line: 12, column: 5 } })] });
const withoutCallback = suite("contacts", { steps: [reqStep("create")] });
const plan = (suites: Suite[] = [withoutCallback, withCallback], regions = ["us"]): Plan => ({
  items: suites.flatMap((s) => regions.map((region) => ({ key: `${s.id}@${region}`, suite: s, region, needs: [] }))),
  regions,
});

describe("callbackReachProblem", () => {
  it("refuses a real region without --callback-url when a planned suite waits for a callback, naming file:line", () => {
    for (const target of REGIONS) {
      const d = callbackReachProblem({ target }, plan());
      expect(d).toMatchObject({ code: "CC_CALLBACK_UNSUPPORTED", severity: "error", file: "suites/events.yaml", line: 12, column: 5 });
      expect(d?.message).toBe(`step "delivered" waits for a EVENT_DELIVERY callback, which region ${target} cannot deliver to this machine without --callback-url`);
      expect(d?.hint).toBe("pass --callback-url with a public URL that forwards to this machine, or select suites without callback steps (--tag/--grep)");
    }
  });

  it("counts the other suite files that wait for callbacks", () => {
    const other = suite("inbound", { steps: [cbStep("arrives", {})] });
    expect(callbackReachProblem({ target: "eu" }, plan([withCallback, other]))?.message).toMatch(/ \(and callback steps in 1 more suite file\(s\)\)$/);
  });

  it("allows --callback-url, the emulator, a URL target and an --env target", () => {
    expect(callbackReachProblem({ target: "us", callbackUrl: "https://hooks.example.com/cc" }, plan())).toBeUndefined();
    expect(callbackReachProblem({ target: "emulator" }, plan())).toBeUndefined();
    expect(callbackReachProblem({ target: "http://127.0.0.1:8787/us" }, plan())).toBeUndefined();
    expect(callbackReachProblem({ target: "emulator", env: "env.json" }, plan())).toBeUndefined();
    expect(callbackReachProblem({ target: "eu", env: "env.json" }, plan())).toBeUndefined();
  });

  it("allows a real region when no planned suite has a callback step", () => {
    expect(callbackReachProblem({ target: "eu" }, plan([withoutCallback]))).toBeUndefined();
  });
});
