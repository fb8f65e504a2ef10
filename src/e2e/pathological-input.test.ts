// Issue 10, item 3: pathological suites stay cheap. Names of any length, nesting of any depth and files of any size
// end in one bounded CC_INPUT_LIMIT diagnostic at the value's line:column (exit 2, nothing sent), never in a scan of
// every candidate name, a printed megabyte or a stack overflow. (How fast is measured in src/bench, not asserted.)
import { INPUT_LIMITS } from "../vocabulary/input-limits";
import type { FakeApi } from "./fake-api";
import { checkArgs, cliIn, expectRejected, placeOf, runArgs, useCountingApiAndWorkspace, type Workspace } from "./bad-input";

const SUITE = "suites/huge.yaml";
const BASE = `name: "@SUITE@"
tags: ["@TAG@"]
variables:
  "@VARIABLE@": "1"
steps:
  - name: "@STEP@"
    request: "@REQUEST@"
    body: { name: "green", size: 3 }
    expect:
      status: 200
      schema: "@SCHEMA@"
    capture:
      "@CAPTURE@": $.id
`;
const GOOD: Record<string, string> = { SUITE: "Huge", TAG: "t", VARIABLE: "V", STEP: "create", REQUEST: "Things/Create thing", SCHEMA: "Thing", CAPTURE: "THING" };
const fill = (slots: Record<string, string>) => BASE.replace(/@([A-Z]+)@/g, (_, slot: string) => slots[slot] ?? GOOD[slot]!);

/** Text of `length` characters that starts like a plausible name (so a did-you-mean search would consider it). */
const longName = (prefix: string, length: number) => (prefix + "x".repeat(length)).slice(0, length);

interface HugeCase {
  name: string;
  text: string;
  /** the text the diagnostic must point at (its first occurrence), and how many characters into it */
  at: string;
  shift?: number;
}

const LENGTHS = [INPUT_LIMITS.name + 1, 100_000, 2_000_000];
const longNames: HugeCase[] = Object.keys(GOOD).flatMap((slot) =>
  LENGTHS.map((length) => {
    const value = longName(GOOD[slot]!, length);
    return { name: `${slot.toLowerCase()} of ${length} characters`, text: fill({ [slot]: value }), at: `"${value.slice(0, 50)}` };
  }),
);

const DEPTHS = [INPUT_LIMITS.nesting + 1, 1_000, 100_000];
const deepFlow: HugeCase[] = DEPTHS.map((depth) => ({
  name: `a body nested ${depth} levels in flow style`,
  text: fill({}).replace('body: { name: "green", size: 3 }', `body: { name: "green", deep: ${"[".repeat(depth)}${"]".repeat(depth)} }`),
  // the bracket that opens flow level nesting + 1 (the body's { is the first)
  at: "deep: ",
  shift: "deep: ".length + INPUT_LIMITS.nesting - 1,
}));

function blockNesting(depth: number): string {
  const lines = Array.from({ length: depth }, (_, i) => `${" ".repeat(6 + i)}k${i}:`);
  return fill({}).replace('    body: { name: "green", size: 3 }', `    body:\n${lines.join("\n")} 1`);
}
const deepBlocks: HugeCase[] = [INPUT_LIMITS.nesting + 1, 200].map((depth) => ({
  name: `a body nested ${depth} levels in block style`,
  text: blockNesting(depth),
  // the mapping at level nesting + 1 is the value of k(nesting - 4), written from its first key on
  at: `k${INPUT_LIMITS.nesting - 3}:`,
}));

const CASES = [...longNames, ...deepFlow, ...deepBlocks];

let api: FakeApi;
let ws: Workspace;
useCountingApiAndWorkspace((started) => ({ api, ws } = started));

it("the base suite, filled with good values, passes check", async () => {
  ws.write(SUITE, fill({}));
  expect((await cliIn(ws.dir, checkArgs(SUITE))).err).toBe("");
  ws.write(SUITE, blockNesting(INPUT_LIMITS.nesting - 6));
  expect((await cliIn(ws.dir, checkArgs(SUITE))).err).toBe("");
});

describe.each(CASES)("a pathological suite: $name", (c) => {
  beforeAll(() => ws.write(SUITE, c.text));

  it("fails check with CC_INPUT_LIMIT at the value, printing a bounded message", async () => {
    const result = await cliIn(ws.dir, checkArgs(SUITE));
    expectRejected(result, "CC_INPUT_LIMIT", placeOf(ws, SUITE, c.at, "", c.shift));
    expect(result.err.length).toBeLessThan(2_000);
  });

  it("fails run with exit 2 before anything is sent", async () => {
    const before = api.count();
    const result = await cliIn(ws.dir, runArgs(api, SUITE));
    expectRejected(result, "CC_INPUT_LIMIT", placeOf(ws, SUITE, c.at, "", c.shift));
    expect(api.count()).toBe(before);
  });
});

it("a suite file over the size limit is not read at all", async () => {
  ws.write(SUITE, fill({}) + `# ${"x".repeat(INPUT_LIMITS.suiteFileBytes)}\n`);
  const result = await cliIn(ws.dir, checkArgs(SUITE));
  expectRejected(result, "CC_INPUT_LIMIT", /suites\/huge\.yaml$/);
  expect(result.err.length).toBeLessThan(1_000);
});
