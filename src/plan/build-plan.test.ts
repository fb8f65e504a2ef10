import type { Step, Suite } from "../model";
import { buildPlan } from "./build-plan";
import { DiagnosticError } from "../diagnostics";

const pos = { file: "x.yaml", line: 1, column: 1 };

function step(name: string): Step {
  return { kind: "request", name, phase: "steps", index: 0, pos, fieldPos: {}, capture: {}, request: "A/B", query: {},
    headers: {}, expect: { headers: {}, body: {} } };
}

function suite(id: string, extra: Partial<Suite> = {}): Suite {
  return { file: `suites/${id}.yaml`, id, name: `Suite ${id}`, tags: [], auth: "oauth2", needs: [], exports: [],
    variables: {}, setup: [], steps: [step(`${id} step`)], teardown: [], pos, fieldPos: {}, ...extra };
}

const codeOf = (fn: () => unknown): string | undefined => {
  try { fn(); } catch (e) { return (e as DiagnosticError).diagnostics[0]?.code; }
  return undefined;
};

const keys = (suites: Suite[], opts: Parameters<typeof buildPlan>[1]): string[] =>
  buildPlan(suites, opts).items.map((i) => i.key);

describe("buildPlan", () => {
  it("crosses suites with regions, keeps suite.regions ∩ run regions", () => {
    const plan = buildPlan([suite("a"), suite("b", { regions: ["eu", "br"] })], { regions: ["us", "eu"] });
    expect(plan.items.map((i) => i.key)).toEqual(["a@us", "a@eu", "b@eu"]);
    expect(plan.regions).toEqual(["us", "eu"]);
  });

  it("orders needs first and maps them to the same region", () => {
    const plan = buildPlan([suite("child", { needs: ["app"] }), suite("app")], { regions: ["us", "eu"] });
    expect(plan.items.map((i) => i.key)).toEqual(["app@us", "child@us", "app@eu", "child@eu"]);
    expect(plan.items.find((i) => i.key === "child@eu")!.needs).toEqual(["app@eu"]);
  });

  it("filters by tag (any match) and pulls in needed suites", () => {
    const suites = [suite("app"), suite("c", { tags: ["smoke"], needs: ["app"] }), suite("d", { tags: ["slow"] })];
    expect(keys(suites, { regions: ["us"], tags: ["smoke", "other"] })).toEqual(["app@us", "c@us"]);
  });

  it("greps suite name, file and step names, keeping the whole suite", () => {
    const suites = [suite("a"), suite("b", { steps: [step("create contact"), step("other")] })];
    expect(keys(suites, { regions: ["us"], grep: "CONTACT" })).toEqual(["b@us"]);
    expect(buildPlan(suites, { regions: ["us"], grep: "contact" }).items[0]!.suite.steps).toHaveLength(2);
    expect(keys(suites, { regions: ["us"], grep: "suites/a" })).toEqual(["a@us"]);
    expect(codeOf(() => buildPlan(suites, { regions: ["us"], grep: "nothing" }))).toBe("CC_NOTHING_SELECTED");
  });

  it("leaves out suites with an excluded tag and the suites that need them, whatever else selects them", () => {
    const suites = [suite("app"), suite("cb", { tags: ["callbacks"], needs: ["app"] }), suite("after-cb", { needs: ["cb"] }),
      suite("c", { tags: ["smoke"], needs: ["app"] }), suite("d")];
    expect(keys(suites, { regions: ["us"], excludeTags: ["callbacks"] })).toEqual(["app@us", "c@us", "d@us"]);
    expect(keys(suites, { regions: ["us"], tags: ["callbacks", "smoke"], excludeTags: ["callbacks"] })).toEqual(["app@us", "c@us"]);
    expect(keys(suites, { regions: ["us"], excludeTags: ["nothing-has-it"] })).toHaveLength(5);
  });

  it("throws CC_NOTHING_SELECTED (an error) when the filters leave nothing, with a did-you-mean for a mistyped tag", () => {
    const suites = [suite("a", { tags: ["smoke"] }), suite("b", { tags: ["crud"], regions: ["br"] })];
    const thrown = (opts: Parameters<typeof buildPlan>[1]) => {
      try {
        buildPlan(suites, opts);
      } catch (e) {
        return (e as DiagnosticError).diagnostics[0];
      }
      return undefined;
    };
    expect(thrown({ regions: ["us"], tags: ["smok"] })).toMatchObject({
      code: "CC_NOTHING_SELECTED", severity: "error", message: "no suite selected by tag smok, region us among 2 suite(s); nothing was run", hint: "tag smok: did you mean smoke?",
    });
    expect(thrown({ regions: ["us"], tags: ["zzz"] })?.hint).toBe("no suite has tag zzz; the suites' tags: crud, smoke");
    expect(thrown({ regions: ["us"], tags: ["crud"] })?.message).toBe("no suite selected by tag crud, region us among 2 suite(s); nothing was run");
    expect(thrown({ regions: ["us"], excludeTags: ["smoke"], grep: "a" })?.code).toBe("CC_NOTHING_SELECTED");
  });

  it("may give an empty shard without an error (more shards than groups of suites)", () => {
    const parts = [1, 2, 3, 4].map((index) => keys([suite("a")], { regions: ["us"], shard: { index, total: 4 } }));
    expect(parts.flat()).toEqual(["a@us"]);
    expect(parts.filter((p) => p.length === 0)).toHaveLength(3);
  });

  it("rejects a needs cycle with CC_NEEDS_CYCLE instead of looping", () => {
    const run = (): unknown => buildPlan([suite("a", { needs: ["b"] }), suite("b", { needs: ["a"] })], { regions: ["us"] });
    expect(run).toThrow(DiagnosticError);
    expect(codeOf(run)).toBe("CC_NEEDS_CYCLE");
  });

  it("rejects a need that does not run in the region", () => {
    const suites = [suite("app", { regions: ["us"] }), suite("c", { needs: ["app"] })];
    expect(() => buildPlan(suites, { regions: ["us", "eu"] })).toThrow(/does not run in region eu/);
    expect(codeOf(() => buildPlan([suite("c", { needs: ["ghost"] })], { regions: ["us"] }))).toBe("CC_UNKNOWN_NEED");
  });

  it("shards deterministically, covering every item once and keeping needs together", () => {
    const suites = [suite("app"), ...Array.from({ length: 20 }, (_, i) => suite(`s${i}`, { needs: i % 5 === 0 ? ["app"] : [] }))];
    const all = keys(suites, { regions: ["us", "eu"] });
    const parts = [1, 2, 3].map((index) => keys(suites, { regions: ["us", "eu"], shard: { index, total: 3 } }));
    expect(parts.flat().sort()).toEqual([...all].sort());
    for (const part of parts) {
      for (const dependent of ["s0", "s5", "s10", "s15"]) {
        for (const region of ["us", "eu"]) if (part.includes(`${dependent}@${region}`)) expect(part).toContain(`app@${region}`);
      }
      expect(part.filter((k) => !all.includes(k))).toEqual([]);
    }
    expect(keys(suites, { regions: ["us", "eu"], shard: { index: 2, total: 3 } })).toEqual(parts[1]);
    // the input order does not decide: another machine listing the suites differently gets the same shards
    expect(keys([...suites].reverse(), { regions: ["us", "eu"], shard: { index: 2, total: 3 } }).sort()).toEqual([...parts[1]!].sort());
    expect(() => buildPlan(suites, { regions: ["us"], shard: { index: 0, total: 3 } })).toThrow(/not valid/);
  });

  it("without timings balances by step count: a suite of many steps gets a shard of its own", () => {
    const big = suite("big", { steps: Array.from({ length: 6 }, (_, i) => step(`b${i}`)) });
    const suites = [big, ...["a", "b", "c", "d", "e", "f"].map((id) => suite(id))];
    const parts = [1, 2].map((index) => keys(suites, { regions: ["us"], shard: { index, total: 2 } }));
    expect(parts.map((p) => p.length).sort()).toEqual([1, 6]);
  });

  it("with timings balances by recorded durations; a suite the timings lack counts as their average", () => {
    const suites = ["a", "b", "c", "d", "e"].map((id) => suite(id));
    const timings = new Map([["a@us", 900], ["b@us", 500], ["c@us", 400], ["d@us", 100]]); // e@us: average, 475
    const shardOf = (index: number) => keys(suites, { regions: ["us"], shard: { index, total: 2, timings } });
    const loads = [1, 2].map((index) => shardOf(index).reduce((sum, key) => sum + (timings.get(key) ?? 475), 0));
    // heaviest first to the lighter shard: a (900) | b (500), e (475) | c to the first (1300) | d to the second (1075)
    expect(shardOf(1)).toEqual(["a@us", "c@us"]);
    expect(shardOf(2)).toEqual(["b@us", "d@us", "e@us"]);
    expect(Math.max(...loads) / Math.min(...loads)).toBeLessThan(1.25);
    // where heaviest-first alone ends 7 against 5 (3+2+2 | 3+2), a trade of a 3 for a 2 evens it out
    const lpt = ["a", "b", "c", "d", "e"].map((id) => suite(id));
    const weights = new Map([["a@us", 3], ["b@us", 3], ["c@us", 2], ["d@us", 2], ["e@us", 2]]);
    const evened = [1, 2].map((index) => keys(lpt, { regions: ["us"], shard: { index, total: 2, timings: weights } }));
    expect(evened.map((part) => part.reduce((sum, key) => sum + weights.get(key)!, 0))).toEqual([6, 6]);
    // a heavy suite that needs another pulls it along
    const chained = [suite("a"), suite("b", { needs: ["a"] }), suite("c"), suite("d")];
    const heavy = new Map([["a@us", 10], ["b@us", 1000], ["c@us", 500], ["d@us", 500]]);
    expect(keys(chained, { regions: ["us"], shard: { index: 1, total: 2, timings: heavy } })).toEqual(["a@us", "b@us"]);
  });
});
