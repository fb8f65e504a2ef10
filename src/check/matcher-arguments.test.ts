import { loadStandaloneModule } from "../testdata";
import { MATCHERS } from "../vocabulary/matchers";
import { compileMatcherArgumentValidators, matcherArgumentProblem, matcherArgumentsKey, useBuiltMatcherValidators } from "./matcher-arguments";

const ARGUMENTS: unknown[] = [1, -1, 0, 3.5, "x", "", "{{A}}", "^a", "(", "number", [], [1, 2], ["a"], {}, { a: 1 }, null, true];

/** What `npm run build` writes (.ci/gen-validators.js): the standalone source, loaded as a module, with its key. */
function builtModule(key = matcherArgumentsKey()): unknown {
  return Object.assign(loadStandaloneModule(compileMatcherArgumentValidators()), { schemaKey: key });
}

const problems = () => MATCHERS.map((m) => [m.name, ARGUMENTS.map((arg) => matcherArgumentProblem(m, arg)?.code ?? "ok")]);

describe("the matcher-argument validators generated at build time", () => {
  it("are used only when made from exactly the registry's argument schemas", () => {
    expect(useBuiltMatcherValidators(() => builtModule("stale"))).toBe(false);
    const changed = MATCHERS.map((m, i) => (i === 0 ? { ...m, argument: { ...m.argument, type: "string" } } : m));
    expect(useBuiltMatcherValidators(() => builtModule(), changed)).toBe(false);
    expect(useBuiltMatcherValidators(() => { throw new Error("not built"); })).toBe(false);
  });

  it("judge every argument as the validators compiled at run time do", () => {
    const compiled = problems(); // from source: no generated module, so these are compiled
    expect(useBuiltMatcherValidators(() => builtModule())).toBe(true);
    expect(problems()).toEqual(compiled);
    // the comparison covers rejected arguments, not only accepted ones
    expect(compiled.flatMap(([, codes]) => codes as string[]).filter((c) => c === "CC_BAD_MATCHER").length).toBeGreaterThan(20);
  });
});
