import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { MATCHERS, type MatcherDefinition } from "./matchers";
import { matcherSchemaDefs, withMatcherDefs } from "./matcher-schema";

const committed = JSON.parse(readFileSync(resolve(__dirname, "../../schemas/suite.schema.json"), "utf8")) as Record<string, unknown>;

describe("the suite schema's matcher parts", () => {
  it("agree with the matcher registry (if not: npm run gen:suite-schema)", () => {
    expect(withMatcherDefs(committed)).toEqual(committed);
  });

  it("would disagree if a matcher were added, dropped or changed its argument", () => {
    const defs = (committed["$defs"] ?? {}) as Record<string, unknown>;
    const added: MatcherDefinition = { name: "starts_with", argument: { type: "string", description: "a prefix" }, test: () => true };
    const mutated = [...MATCHERS, added];
    const properties = Object.fromEntries(mutated.map((m) => [m.name, m.argument]));
    expect((defs["matcherObject"] as { properties: unknown }).properties).not.toEqual(properties);
    expect(Object.keys((matcherSchemaDefs().matcherObject as { properties: object }).properties)).toEqual(MATCHERS.map((m) => m.name));
    const stale = { ...committed, $defs: { ...defs, matcherObject: { ...(defs["matcherObject"] as object), properties: properties } } };
    expect(withMatcherDefs(stale)).not.toEqual(stale);
  });
});
