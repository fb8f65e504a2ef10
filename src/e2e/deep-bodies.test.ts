// Issue 10, item 3: a response nested thousands of levels deep is a contract failure (or drift) like any other, never
// CC_INTERNAL: describing it, matching it and recording its shape must not overflow the stack. Seeded fuzz over depth.
import { Random } from "../emulator/testing/random";
import { cliIn, type Workspace } from "./bad-input";
import { deepText, useLoopbackAndSuite } from "./deep-values";

const SUITE = "suites/deep.yaml";
const SUITE_TEXT = `name: Deep bodies
auth: none
steps:
  - name: get a deep thing
    request: Things/Get thing
    expect:
      status: 200
      body:
        $.name: { type: string }
`;

/** Where the deep value goes: a field whose type it breaks, a field the schema does not name, a matched field. */
const PLACES = ["size", "extra", "name"] as const;
type Place = (typeof PLACES)[number];

function bodyWith(place: Place, deep: string): string {
  return `{"id":"thing-1","name":${place === "name" ? deep : '"n"'}${place === "name" ? "" : `,"${place}":${deep}`}}`;
}

let url: string;
let reply = "{}";
let ws: Workspace;
useLoopbackAndSuite((_, res) => res.writeHead(200, { "content-type": "application/json" }).end(reply), { path: SUITE, text: SUITE_TEXT }, (started) => ({ url, ws } = started));

const rnd = new Random(77);
const RUNS = Number(process.env["CC_DEPTH_FUZZ_RUNS"] ?? 6);
const cases = [1_000, 20_000, ...Array.from({ length: RUNS }, () => rnd.int(200, 100_000))].map((depth, i) => ({
  depth,
  place: PLACES[i % PLACES.length]!,
  style: rnd.pick(["list", "object"] as const),
}));

it.each(cases)("a response $depth levels deep ($style) in $place is reported, not CC_INTERNAL", async ({ depth, place, style }) => {
  reply = bodyWith(place, deepText(depth, style));
  const args = ["run", SUITE, "--target", url, "--collections", "collections", "--schemas", "schemas", "--var", "THING=thing-1", "--reporter", "console,json,junit", "--out", "reports"];
  const r = await cliIn(ws.dir, args);
  expect(`${r.out}${r.err}`).not.toContain("CC_INTERNAL");
  // a deep value where the schema or the matcher wants a scalar fails the step; one the schema does not name is drift
  expect(r.code).toBe(place === "extra" ? 0 : 1);
  if (place !== "extra") expect(r.out).toMatch(place === "size" ? /\/size: type: must be integer, actual: [[{]/ : /\$\.name: expected type "string", got [[{]/);
  expect(Math.max(...r.out.split("\n").map((line) => line.length))).toBeLessThan(400);
});
