// Issue 10, item 2: a broken --schemas or --collections folder fails `check` and `run` with exit 2 before anything is
// sent, pointed at the file, line and column of the culprit; never as contract failures (exit 1) at run time.
import type { FakeApi } from "./fake-api";
import { checkArgs, cliIn, expectRejected, fixtureWorkspace, placeOf, runArgs, startCountingApi, type Workspace } from "./bad-input";

const OPS = "schemas/operations.json";
const COLLECTION = "collections/things.postman_collection.json";
const SCHEMAS = ["thing.schema.json", "thing-create-request.schema.json", "error.schema.json"];
const OPERATION_IDS = ["Things/Create thing", "Things/Get thing", "Things/Delete thing"];

/** One way to break the fixtures: the code it must be rejected with, and where the diagnostic must point. */
interface BrokenCase {
  name: string;
  code: string;
  breakIt(ws: Workspace): RegExp;
}

type Operations = Record<string, { method: string; responses: Record<string, string>; request?: string }>;
type Items = Array<{ name: string; request: Record<string, unknown> }>;
const opsOf = (json: Record<string, unknown>) => json["operations"] as Operations;
const requestOf = (json: Record<string, unknown>, name: string) =>
  (json["item"] as Array<{ item: Items }>)[0]!.item.find((it) => it.name === name)!.request;

const unknownSchemaNames: BrokenCase[] = OPERATION_IDS.flatMap((id, i) =>
  ["200", "4xx", "request"].map((slot) => ({
    name: `operations.json: ${id} names an unknown schema for ${slot}`,
    code: "CC_UNKNOWN_SCHEMA",
    breakIt: (ws: Workspace) => {
      ws.editJson(OPS, (json) => {
        const op = opsOf(json)[id]!;
        if (slot === "request") op.request = `no-such-schema-${i}`;
        else op.responses[slot] = `no-such-schema-${i}`;
      });
      return placeOf(ws, OPS, `"${slot}": "no-such-schema-${i}"`);
    },
  })),
);

const badOperationMethods: BrokenCase[] = ["FETCH", "G ET", "", "get it"].map((method, i) => {
  const id = OPERATION_IDS[i % OPERATION_IDS.length]!;
  return {
    name: `operations.json: ${id} has method ${JSON.stringify(method)}`,
    code: "CC_OPERATIONS_INVALID",
    breakIt: (ws: Workspace) => {
      ws.editJson(OPS, (json) => void (opsOf(json)[id]!.method = method));
      return placeOf(ws, OPS, `"${id}"`);
    },
  };
});

const missingOperationMap: BrokenCase = {
  name: "no operations.json",
  code: "CC_OPERATIONS_INVALID",
  breakIt: (ws: Workspace) => {
    ws.remove(OPS);
    return /schemas\/operations\.json$/;
  },
};

const danglingRefs: BrokenCase[] = SCHEMAS.flatMap((file, i) =>
  [`gone-${i}.schema.json`, `./gone-${i}.schema.json`, `gone-${i}.schema.json#/$defs/x`].map((ref) => ({
    name: `${file}: a $ref to nothing (${ref})`,
    code: "CC_SCHEMA_INVALID",
    breakIt: (ws: Workspace) => {
      ws.editJson(`schemas/${file}`, (json) => void (json["properties"] = { ...(json["properties"] as object), extra: { $ref: ref } }));
      return placeOf(ws, `schemas/${file}`, `"$ref": "${ref}"`);
    },
  })),
);

const INVALID_PATTERNS = ["([", "a{2,1}", "(?<n>a)(?<n>b)", "\\", "*", "[z-a]", "\\p{Nope}"];
const invalidPatterns: BrokenCase[] = INVALID_PATTERNS.map((pattern, i) => {
  const file = `schemas/${SCHEMAS[i % SCHEMAS.length]!}`;
  return {
    name: `${file}: invalid pattern ${JSON.stringify(pattern)}`,
    code: "CC_SCHEMA_INVALID",
    breakIt: (ws: Workspace) => {
      ws.editJson(file, (json) => void (json["properties"] = { ...(json["properties"] as object), coded: { type: "string", pattern } }));
      return placeOf(ws, file, `"pattern": ${JSON.stringify(pattern)}`);
    },
  };
});

const URL_BREAKS: Array<[string, (request: Record<string, unknown>) => void]> = [
  ["no url", (r) => delete r["url"]],
  ["an empty url", (r) => (r["url"] = "")],
  ["a url object without raw, host or path", (r) => (r["url"] = { query: [] })],
  ["a url of blanks", (r) => (r["url"] = { raw: "   " })],
];
const requestsWithoutUrl: BrokenCase[] = OPERATION_IDS.flatMap((id) =>
  URL_BREAKS.map(([what, change]) => {
    const name = id.split("/")[1]!;
    return {
      name: `collection: ${id} has ${what}`,
      code: "CC_COLLECTION_INVALID",
      breakIt: (ws: Workspace) => {
        ws.editJson(COLLECTION, (json) => change(requestOf(json, name)));
        return placeOf(ws, COLLECTION, `"request"`, `"name": "${name}"`);
      },
    };
  }),
);

const requestsWithBadMethods: BrokenCase[] = ["FETCH", "G-E-T", "", 42, null].map((method, i) => {
  const name = OPERATION_IDS[i % OPERATION_IDS.length]!.split("/")[1]!;
  return {
    name: `collection: ${name} has method ${JSON.stringify(method)}`,
    code: "CC_COLLECTION_INVALID",
    breakIt: (ws: Workspace) => {
      ws.editJson(COLLECTION, (json) => void (requestOf(json, name)["method"] = method));
      return placeOf(ws, COLLECTION, `"method"`, `"name": "${name}"`);
    },
  };
});

const CASES: BrokenCase[] = [
  ...unknownSchemaNames,
  ...badOperationMethods,
  missingOperationMap,
  ...danglingRefs,
  ...invalidPatterns,
  ...requestsWithoutUrl,
  ...requestsWithBadMethods,
];

let api: FakeApi;
beforeAll(async () => {
  api = await startCountingApi();
});
afterAll(() => api.close());

describe("the unbroken fixtures", () => {
  it("pass check and run green against the counting API, so every case below fails for its own break", async () => {
    const ws = fixtureWorkspace();
    try {
      expect((await cliIn(ws.dir, checkArgs())).code).toBe(0);
      const before = api.count();
      expect((await cliIn(ws.dir, runArgs(api))).code).toBe(0);
      expect(api.count()).toBeGreaterThan(before);
    } finally {
      ws.close();
    }
  });
});

describe.each(CASES)("a broken contract folder: $name", (c) => {
  let ws: Workspace;
  let at: RegExp;
  beforeEach(() => {
    ws = fixtureWorkspace();
    at = c.breakIt(ws);
  });
  afterEach(() => ws.close());

  it("fails check with exit 2 at its file:line:column", async () => {
    expectRejected(await cliIn(ws.dir, checkArgs()), c.code, at);
  });

  it("fails run with exit 2 before anything is sent", async () => {
    const before = api.count();
    expectRejected(await cliIn(ws.dir, runArgs(api)), c.code, at);
    expect(api.count()).toBe(before);
  });
});
