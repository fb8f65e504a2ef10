// Issue 10: a value captured from a response nested thousands of levels deep and used in a later step is sent as
// it was captured (typed in a JSON body, as JSON text inside a string), never CC_INTERNAL. Seeded depths, loopback server.
import { Random } from "../emulator/testing/random";
import { cliIn, type Workspace } from "./bad-input";
import { deepText, useLoopbackAndSuite } from "./deep-values";

const SUITE = "suites/deep-capture.yaml";
const SUITE_TEXT = `name: Deep captures
auth: none
steps:
  - name: get a deep thing
    request: Things/Get thing
    expect: { status: 200 }
    capture:
      DEEP: $.extra
  - name: send it typed
    request: Things/Create thing
    body: { name: "{{DEEP}}", size: 3 }
    expect: { status: 200 }
  - name: send it in a text
    request: Things/Create thing
    body: { name: "deep {{DEEP}}", size: 3 }
    expect: { status: 200 }
  - name: expect it
    request: Things/Get thing
    expect:
      status: 200
      body:
        $.extra: "{{DEEP}}"
`;

let url: string;
let deep = "[]";
const received: string[] = [];
let ws: Workspace;
useLoopbackAndSuite(
  (req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (req.method === "POST") received.push(body);
      const reply = req.method === "GET" ? `{"id":"thing-1","name":"n","extra":${deep}}` : '{"id":"thing-2","name":"n","size":3}';
      res.writeHead(200, { "content-type": "application/json" }).end(reply);
    });
  },
  { path: SUITE, text: SUITE_TEXT },
  (started) => ({ url, ws } = started),
);

const rnd = new Random(1010);
const RUNS = Number(process.env["CC_DEPTH_FUZZ_RUNS"] ?? 4);
const cases = [10, 20_000, ...Array.from({ length: RUNS }, () => rnd.int(2_000, 100_000))].map((depth) => ({ depth, style: rnd.pick(["list", "object"] as const) }));

it.each(cases)("a capture $depth levels deep ($style) is sent and matched by the steps that use it, not CC_INTERNAL", async ({ depth, style }) => {
  deep = deepText(depth, style);
  received.length = 0;
  const args = ["run", SUITE, "--target", url, "--collections", "collections", "--schemas", "schemas", "--var", "THING=thing-1", "--reporter", "console,json", "--out", "reports"];
  const r = await cliIn(ws.dir, args);
  expect(`${r.out}${r.err}`).not.toContain("CC_INTERNAL");
  expect(received).toEqual([`{"name":${deep},"size":3}`, `{"name":${JSON.stringify(`deep ${deep}`)},"size":3}`]);
  expect(r.code).toBe(0);
});
