import { smsApp, useHarness, type Harness } from "../testing/harness";

let h: Harness;
let appId: string;
useHarness(async (started) => {
  h = started;
  appId = (await h.api("POST", "/apps", { body: smsApp() })).body.id;
});

type FieldType = "string" | "integer" | "object" | "flag";

/** Values of every JSON type, and strings an admin field never takes (empty, huge). */
const VALUES: unknown[] = [7, 1.5, -1, "x", "", "y".repeat(5000), true, false, null, [], ["a"], {}, { a: 1 }];

function wrongFor(type: FieldType, value: unknown): boolean {
  if (type === "string") return typeof value !== "string" || value === "" || value.length > 2048;
  if (type === "integer") return typeof value !== "number" || !Number.isInteger(value);
  if (type === "flag") return value !== true;
  return value === null || typeof value !== "object" || Array.isArray(value);
}

/** An admin route, a body it accepts, and the type of each of the body's fields. */
interface RouteCase {
  path: string;
  valid: () => Record<string, unknown>;
  fields: Record<string, FieldType>;
}

const ROUTES: RouteCase[] = [
  {
    path: "/faults",
    valid: () => ({ method: "GET", path: "/us/v1/nothing", count: 1, region: "us", action: { status: 503, retry_after: 1, message: "m" } }),
    fields: { method: "string", path: "string", count: "integer", region: "string", action: "object" },
  },
  {
    path: "/faults",
    valid: () => ({ path: "/us/v1/nothing", action: { drop: true } }),
    fields: { path: "string", action: "object" },
  },
  {
    path: "/changes",
    valid: () => ({ kind: "drop-field", entity: "contact", operation: "Contacts/Get contact", field: "email", region: "eu" }),
    fields: { kind: "string", entity: "string", operation: "string", field: "string", region: "string" },
  },
  {
    path: "/changes",
    valid: () => ({ kind: "status", operation: "Apps/List apps", status: 500, message: "m" }),
    fields: { kind: "string", operation: "string", status: "integer", message: "string" },
  },
  {
    path: "/inbound",
    valid: () => ({ region: "us", app_id: appId, channel: "SMS", identity: "+46705550100", contact_message: { text_message: { text: "hi" } } }),
    fields: { region: "string", app_id: "string", channel: "string", identity: "string", contact_message: "object" },
  },
];

async function post(path: string, body: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await h.admin("POST", path, body);
  await h.admin("DELETE", "/faults");
  await h.admin("DELETE", "/changes");
  return r;
}

describe("admin input [emulator-only]", () => {
  it("accepts each route's valid body", async () => {
    for (const route of ROUTES) expect([route.path, (await post(route.path, route.valid())).status]).toEqual([route.path, 200]);
  });

  it("answers every field of every route set to every JSON type with 200, a 404 for an unknown id or a 400 naming the field, never a 5xx", async () => {
    let refused = 0;
    for (const route of ROUTES) {
      for (const [field, type] of Object.entries(route.fields)) {
        for (const value of VALUES) {
          const r = await post(route.path, { ...route.valid(), [field]: value });
          const label = `${route.path} ${field}=${JSON.stringify(value).slice(0, 20)}`;
          if (wrongFor(type, value)) expect([label, r.status]).toEqual([label, 400]);
          expect([label, [200, 400, 404].includes(r.status)]).toEqual([label, true]);
          if (r.status !== 400) continue;
          refused += 1;
          expect([label, r.body.error.details[0].field_violations[0].field]).toEqual([label, expect.stringMatching(new RegExp(`^${field}\\b`))]);
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it("refuses unknown fields, missing required ones, non-object bodies and bodies on routes that take none", async () => {
    for (const route of ROUTES) {
      expect((await post(route.path, { ...route.valid(), colour: "red" })).body.error.details[0].field_violations[0].field).toBe("colour");
      for (const body of [[route.valid()], "text", 5]) expect((await post(route.path, body)).status).toBe(400);
    }
    expect((await post("/faults", { path: "/x" })).status).toBe(400);
    expect((await post("/faults", { path: "/x", action: { status: 500, drop: true } })).status).toBe(400);
    expect((await post("/faults", { path: "/x", action: { latency_ms: 5, retry_after: 1 } })).status).toBe(400);
    expect((await post("/inbound", { app_id: appId, channel: "SMS", identity: "1" })).status).toBe(400);
    expect((await post("/inbound", { app_id: appId, channel: "NOT_A_CHANNEL", identity: "1", contact_message: { text_message: { text: "x" } } })).status).toBe(400);
    expect((await post("/inbound", { app_id: appId, channel: "SMS", identity: "1", contact_message: { text_message: { text: 5 } } })).body.error.details[0].field_violations[0].field).toBe("contact_message.text_message.text");
    expect((await post("/reset", { everything: true })).status).toBe(400);
    expect((await h.admin("DELETE", "/faults", { all: true })).status).toBe(400);
    expect((await h.admin("GET", "/callbacks?state=lost")).status).toBe(400);
  });

  it("refuses a fault path written as a regular expression, saying what to write instead", async () => {
    const r = await post("/faults", { path: "^/us/v1/(a+)+$", action: { status: 500 } });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field_violations[0]).toEqual({ field: "path", description: expect.stringMatching(/regular expressions are not accepted.*: use an exact path, \* for one path segment/) });
  });
});
