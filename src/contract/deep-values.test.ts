// Issue 10, item 3: describing a violation of a value nested thousands of levels deep must not overflow the stack.
// A seeded fuzz over nesting depth, shapes and the place of the deep value; CC_DEPTH_FUZZ_RUNS raises the count.
import { resolve } from "node:path";
import { Random } from "../emulator/testing/random";
import { loadContract } from "./load-contract";
import { describeActual } from "./violations";

const { contract } = loadContract(resolve(__dirname, "../../schemas"));
const RUNS = Number(process.env["CC_DEPTH_FUZZ_RUNS"] ?? 12);
const SEED = 20261002;

/** A value `depth` levels deep, built without recursion: lists, objects, or both in turn, with a leaf at the bottom. */
function nested(depth: number, rnd: Random): unknown {
  const style = rnd.pick(["list", "object", "mixed"] as const);
  let value: unknown = rnd.pick([1, "leaf", null, true, {}]);
  for (let i = 0; i < depth; i++) {
    const asList = style === "list" || (style === "mixed" && i % 2 === 0);
    value = asList ? [value] : { [rnd.pick(["a", "secret", "k"])]: value };
  }
  return value;
}

const FIXED_DEPTHS = [1, 100, 1_000, 10_000, 100_000];
const depths = (rnd: Random) => [...FIXED_DEPTHS, ...Array.from({ length: RUNS }, () => rnd.int(2, 200_000))];

describe("describeActual over nesting depth", () => {
  const rnd = new Random(SEED);
  it.each(depths(rnd).map((depth) => [depth]))("describes a value %i levels deep in at most 120 characters", (depth) => {
    const text = describeActual(nested(depth, rnd));
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text.length).toBeGreaterThan(0);
  });

  it("still redacts secret-named fields and keeps a short value whole", () => {
    expect(describeActual({ client_secret: "s3cr3t", id: [1, { x: "y" }] })).toBe('{"client_secret":"[REDACTED]","id":[1,{"x":"y"}]}');
    expect(describeActual("x".repeat(500))).toHaveLength(120);
  });
});

describe("contract.validate with a deep value in a field", () => {
  const rnd = new Random(SEED + 1);
  // fields of a Contact whose type a deep list or object breaks, and one the schema does not name (drift)
  const FIELDS = ["display_name", "channel_identities", "language", "metadata", "not_in_schema"];
  it.each(depths(rnd).map((depth) => [depth, rnd.pick(FIELDS)]))("reports depth %i in %s as violations or drift, never a RangeError", (depth, field) => {
    const body = { id: "01H0000000000000000000000", display_name: "x", channel_identities: [], language: "EN_US", [field]: nested(depth, rnd) };
    const check = contract.validate("Contact", body);
    expect(check.valid || check.violations.length > 0).toBe(true);
    for (const v of check.violations) expect((v.actual ?? "").length).toBeLessThanOrEqual(120);
  });
});
