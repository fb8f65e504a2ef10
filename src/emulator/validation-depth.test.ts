// Issue 10, item 3: the emulator's request validation answers a body of any depth with a 400 envelope, never a
// RangeError (a 500). The HTTP layer already refuses JSON deeper than MAX_JSON_DEPTH; this checks validation itself.
import { Random } from "./testing/random";
import { loadOwnContract } from "./contract-loader";
import { ApiError } from "./errors";
import { validateRequestBody } from "./validation";

const contract = loadOwnContract();
const rnd = new Random(4242);
const RUNS = Number(process.env["CC_DEPTH_FUZZ_RUNS"] ?? 8);

function nested(depth: number, asList: boolean): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = asList ? [value] : { deeper: value };
  return value;
}

const SCHEMAS = ["contact-create-request", "app-create-request", "app-update-request"];
const FIELDS = ["display_name", "channel_identities", "language", "metadata", "channel_credentials"];
const cases = [10, 1_000, 50_000, ...Array.from({ length: RUNS }, () => rnd.int(2, 150_000))].map((depth) => ({
  depth,
  schema: rnd.pick(SCHEMAS),
  field: rnd.pick(FIELDS),
  asList: rnd.chance(0.5),
}));

it.each(cases)("a $schema body with $field $depth levels deep is valid or a 400, never a RangeError [emulator-only]", ({ depth, schema, field, asList }) => {
  let thrown: unknown;
  try {
    validateRequestBody(contract, schema, { [field]: nested(depth, asList) });
  } catch (e) {
    thrown = e;
  }
  // a field whose schema takes any value (metadata of an app update) makes the body valid: nothing to throw
  if (thrown === undefined) return;
  expect(thrown).toBeInstanceOf(ApiError);
  const error = thrown as ApiError;
  expect(error.code).toBe(400);
  expect(JSON.stringify(error.envelope()).length).toBeLessThan(10_000);
});
