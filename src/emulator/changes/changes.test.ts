import type { ReplyViolation } from "../index";
import { startHarness, smsApp, waitFor, type Harness } from "../testing/harness";
import { startReceiver, type Receiver } from "../testing/receiver";

/**
 * API changes through real HTTP. The harness checks every reply from the client side, so a change that breaks the
 * contract shows up in h.problems (wanted: that is what a change simulates), while the emulator's own self-check
 * (selfReports) must stay silent about it.
 */
let h: Harness;
let rx: Receiver;
const selfReports: ReplyViolation[] = [];

beforeAll(async () => {
  rx = await startReceiver();
  h = await startHarness({ onReplyViolation: (v) => selfReports.push(v) });
});
afterAll(async () => {
  await h.close();
  await rx.close();
});
beforeEach(async () => {
  await h.admin("POST", "/reset");
  h.problems.length = 0;
  selfReports.length = 0;
});
afterEach(() => {
  expect(selfReports).toEqual([]);
});

const contactBody = (n: number) => ({ channel_identities: [{ channel: "SMS", identity: `+4670555${String(n).padStart(4, "0")}` }], language: "EN_US", email: `c${n}@example.com`, display_name: `C ${n}` });

async function change(body: Record<string, unknown>): Promise<{ id: string; hits: number }> {
  const r = await h.admin("POST", "/changes", body);
  expect(r.status).toBe(200);
  return r.body;
}

describe("field changes by entity [emulator-only]", () => {
  it("drop-field removes the field wherever the entity appears: create, get, list and the CONTACT_CREATE callback", async () => {
    const app = await h.api("POST", "/apps", { body: smsApp() });
    await h.api("POST", "/webhooks", { body: { app_id: app.body.id, target: `${rx.url}/drop`, triggers: ["CONTACT_CREATE"] } });
    const before = await h.api("POST", "/contacts", { body: contactBody(1) });
    expect(before.body.email).toBe("c1@example.com");
    const c = await change({ kind: "drop-field", entity: "contact", field: "email" });
    const created = await h.api("POST", "/contacts", { body: contactBody(2) });
    expect(created.status).toBe(200);
    expect(created.body).not.toHaveProperty("email");
    expect((await h.api("GET", `/contacts/${before.body.id}`)).body).not.toHaveProperty("email");
    const list = await h.api("GET", "/contacts");
    expect(list.body.contacts).toHaveLength(2);
    for (const contact of list.body.contacts) expect(contact).not.toHaveProperty("email");
    const cb = await waitFor(() => rx.received.find((r) => r.path === "/drop" && r.json?.contact_create_notification?.contact?.id === created.body.id));
    expect(cb.json.contact_create_notification.contact).not.toHaveProperty("email");
    expect(cb.json.contact_create_notification.contact.display_name).toBe("C 2");
    // the stored contact is untouched: the change applies to what is sent only
    await h.admin("DELETE", `/changes/${c.id}`);
    expect((await h.api("GET", `/contacts/${created.body.id}`)).body.email).toBe("c2@example.com");
  });

  it("add-field adds the field to every contact, and only where it is absent", async () => {
    await h.api("POST", "/contacts", { body: contactBody(3) });
    await change({ kind: "add-field", entity: "Contact", field: "nickname", value: { short: "x" } });
    await change({ kind: "add-field", entity: "contact", field: "email", value: 42 });
    const list = await h.api("GET", "/contacts");
    expect(list.body.contacts[0].nickname).toEqual({ short: "x" });
    expect(list.body.contacts[0].email).toBe("c3@example.com");
    // the strict client-side check sees the new field as drift: it is off-contract, as a new release would be
    expect(h.problems.join("\n")).toMatch(/nickname/);
  });

  it("change-type changes a field's JSON type in replies, in nested arrays too", async () => {
    const created = await h.api("POST", "/contacts", { body: contactBody(4) });
    await change({ kind: "change-type", entity: "contact", field: "display_name", to: "number" });
    await change({ kind: "change-type", entity: "channel-identity", field: "identity", to: "integer" });
    const got = await h.api("GET", `/contacts/${created.body.id}`);
    expect(typeof got.body.display_name).toBe("number");
    expect(got.body.channel_identities[0].identity).toBe(46705550004);
    expect(h.problems.join("\n")).toMatch(/must be string/);
  });

  it("narrows to one operation, or applies to one operation's body from its root", async () => {
    const created = await h.api("POST", "/contacts", { body: contactBody(5) });
    await change({ kind: "drop-field", entity: "contact", operation: "Contacts/Get contact", field: "email" });
    await change({ kind: "drop-field", operation: "Contacts/List contacts", field: "next_page_token" });
    expect((await h.api("GET", `/contacts/${created.body.id}`)).body).not.toHaveProperty("email");
    const list = await h.api("GET", "/contacts");
    expect(list.body.contacts[0].email).toBe("c5@example.com");
    expect(list.body).not.toHaveProperty("next_page_token");
  });

  it("applies per region when a region is given", async () => {
    const c = await change({ kind: "drop-field", entity: "contact", field: "email", region: "eu" });
    const us = await h.api("POST", "/contacts", { body: contactBody(6), region: "us" });
    const eu = await h.api("POST", "/contacts", { body: contactBody(6), region: "eu" });
    expect(us.body.email).toBe("c6@example.com");
    expect(eu.body).not.toHaveProperty("email");
    expect((await h.admin("GET", "/changes")).body.changes).toEqual([expect.objectContaining({ id: c.id, region: "eu", hits: 1 })]);
  });
});

describe("operation changes [emulator-only]", () => {
  it("status: a 4xx/5xx answers with the error envelope and changes nothing; a 2xx keeps the body", async () => {
    await change({ kind: "status", operation: "Contacts/Create contact", status: 503 });
    const r = await h.api("POST", "/contacts", { body: contactBody(7) });
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ code: 503, status: "UNAVAILABLE" });
    expect((await h.admin("GET", "/state")).body.totals.contacts).toBe(0);
    await h.admin("DELETE", "/changes");
    await change({ kind: "status", operation: "Contacts/Create contact", status: 201 });
    const created = await h.api("POST", "/contacts", { body: contactBody(7) });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe("c7@example.com");
  });

  it("status on the token endpoint answers in the token endpoint's own error format", async () => {
    await change({ kind: "status", operation: "OAuth2/Get token", status: 429, message: "slow down" });
    const r = await h.raw("POST", "/us/auth/oauth2/token", {
      raw: "grant_type=client_credentials", contentType: "application/x-www-form-urlencoded", auth: { basic: [h.emu.info.clientId, h.emu.info.clientSecret] },
    });
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ error: "too_many_requests", error_verbose: "slow down", error_description: "slow down", error_hint: "Retry later." });
  });

  it("latency delays every request of the operation until removed", async () => {
    const c = await change({ kind: "latency", operation: "Contacts/List contacts", latency_ms: 120 });
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      expect((await h.api("GET", "/contacts")).status).toBe(200);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
    }
    expect((await h.admin("GET", "/changes")).body.changes[0].hits).toBe(2);
    expect((await h.admin("DELETE", `/changes/${c.id}`)).status).toBe(200);
    expect((await h.admin("GET", "/changes")).body.changes).toEqual([]);
  });

  it("remove-operation answers 404 exactly as a route the API never had", async () => {
    const created = await h.api("POST", "/contacts", { body: contactBody(8) });
    await change({ kind: "remove-operation", operation: "Contacts/Delete contact" });
    const removed = await h.api("DELETE", `/contacts/${created.body.id}`);
    const never = await h.api("DELETE", `/contacts/${created.body.id}/nothing`);
    expect(removed.status).toBe(404);
    expect(removed.body.error.status).toBe("NOT_FOUND");
    expect(removed.body.error.message).toBe(never.body.error.message.replace("/nothing", ""));
    expect((await h.api("GET", `/contacts/${created.body.id}`)).status).toBe(200);
    // v1beta is the same operation
    expect((await h.raw("DELETE", `/us/v1beta/projects/${h.project}/contacts/${created.body.id}`)).status).toBe(404);
  });
});

describe("the change list [emulator-only]", () => {
  it("lists changes, and /reset and DELETE /changes clear them", async () => {
    await change({ kind: "latency", operation: "Apps/List apps", latency_ms: 0 });
    await change({ kind: "drop-field", entity: "app", field: "display_name" });
    const listed = await h.admin("GET", "/changes");
    expect(listed.body.changes.map((c: { kind: string }) => c.kind)).toEqual(["latency", "drop-field"]);
    await h.admin("POST", "/reset");
    expect((await h.admin("GET", "/changes")).body.changes).toEqual([]);
    await change({ kind: "drop-field", entity: "app", field: "display_name" });
    await h.admin("DELETE", "/changes");
    expect((await h.admin("GET", "/changes")).body.changes).toEqual([]);
    expect((await h.admin("DELETE", "/changes/01HZZZZZZZZZZZZZZZZZZZZZZZ")).status).toBe(404);
  });

  it.each([
    [{ kind: "rename-field" }, "kind"],
    [{ kind: "drop-field", field: "email" }, "entity"],
    [{ kind: "drop-field", entity: "nope", field: "email" }, "entity"],
    [{ kind: "drop-field", entity: "contact", field: "a..b" }, "field"],
    [{ kind: "drop-field", entity: "contact", field: "list[]" }, "field"],
    [{ kind: "drop-field", entity: "contact", field: 7 }, "field"],
    [{ kind: "add-field", entity: "contact", field: "x" }, "value"],
    [{ kind: "change-type", entity: "contact", field: "x", to: "text" }, "to"],
    [{ kind: "status", operation: "Contacts/Nope", status: 500 }, "operation"],
    [{ kind: "status", operation: ["Contacts/Get contact"], status: 500 }, "operation"],
    [{ kind: "status", operation: "Contacts/Get contact", status: 700 }, "status"],
    [{ kind: "status", operation: "Contacts/Get contact", status: "500" }, "status"],
    [{ kind: "latency", operation: "Contacts/Get contact", latency_ms: -1 }, "latency_ms"],
    [{ kind: "remove-operation" }, "operation"],
    [{ kind: "remove-operation", operation: "Contacts/Get contact", region: "mars" }, "region"],
    [{ kind: "remove-operation", operation: "Contacts/Get contact", latency_ms: 5 }, "latency_ms"],
    [[1, 2], "body"],
  ])("refuses %j with a 400 naming %s", async (body, field) => {
    const r = await h.admin("POST", "/changes", body);
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field_violations[0].field).toBe(field);
    expect((await h.admin("GET", "/changes")).body.changes).toEqual([]);
  });
});
