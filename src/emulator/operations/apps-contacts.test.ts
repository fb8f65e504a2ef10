import { smsApp, startHarness, useHarness, type Harness } from "../testing/harness";

let h: Harness;
useHarness((started) => {
  h = started;
});

describe("apps [docs: §4]", () => {
  it("creates (credentials PENDING), gets (ACTIVE), lists, patches and deletes an app [fixture: app-response.json] [docs: §5]", async () => {
    const created = await h.api("POST", "/apps", { body: smsApp() });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.body.channel_credentials[0].state.status).toBe("PENDING");
    expect(created.body.processing_mode).toBe("DISPATCH");
    const id = created.body.id;
    const got = await h.api("GET", `/apps/${id}`);
    expect(got.body.channel_credentials[0].state.status).toBe("ACTIVE");
    expect((await h.api("GET", "/apps")).body.apps.map((a: { id: string }) => a.id)).toContain(id);
    const patched = await h.api("PATCH", `/apps/${id}`, { body: { display_name: "Renamed", processing_mode: "CONVERSATION" }, query: { update_mask: "display_name" } });
    expect(patched.body.display_name).toBe("Renamed");
    expect(patched.body.processing_mode).toBe("DISPATCH");
    const del = await h.api("DELETE", `/apps/${id}`);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({});
    expect((await h.api("GET", `/apps/${id}`)).status).toBe(404);
  });

  it("rejects an app without channel_credentials with field violations [fixture: error-response-invalid-argument-field-violation.json]", async () => {
    const r = await h.api("POST", "/apps", { body: { display_name: "x" } });
    expect(r.status).toBe(400);
    expect(r.body.error.status).toBe("INVALID_ARGUMENT");
    const violations = r.body.error.details[0].field_violations;
    expect(violations.map((v: { field: string }) => v.field)).toContain("channel_credentials");
  });

  it("answers 404 NOT_FOUND for an unknown app [fixture: error-envelope-reference-numbers-not-found-error.json]", async () => {
    const r = await h.api("GET", "/apps/01HZZZZZZZZZZZZZZZZZZZZZZZ");
    expect(r.status).toBe(404);
    expect(r.body.error.status).toBe("NOT_FOUND");
  });
});

describe("contacts [docs: §4]", () => {
  const body = (identity: string, extra: Record<string, unknown> = {}) => ({
    channel_identities: [{ channel: "SMS", identity }], language: "EN_US", display_name: "QA", ...extra,
  });

  it("creates, gets, patches with both mask forms, and deletes [fixture: contact-response.json] [docs: §3]", async () => {
    const c = await h.api("POST", "/contacts", { body: body("+46700000101", { email: "a@b.c" }) });
    expect(c.status).toBe(200);
    const id = c.body.id;
    expect((await h.api("GET", `/contacts/${id}`)).body.display_name).toBe("QA");
    const m1 = await h.api("PATCH", `/contacts/${id}`, { body: { display_name: "One", email: "x@y.z" }, query: { update_mask: "display_name" } });
    expect(m1.body).toMatchObject({ display_name: "One", email: "a@b.c" });
    const m2 = await h.api("PATCH", `/contacts/${id}`, { body: { display_name: "Two", email: "x@y.z" }, query: { "update_mask.paths": ["display_name", "email"] } });
    expect(m2.body).toMatchObject({ display_name: "Two", email: "x@y.z" });
    const m3 = await h.api("PATCH", `/contacts/${id}`, { body: { metadata: "m" } });
    expect(m3.body).toMatchObject({ display_name: "Two", metadata: "m" });
    expect((await h.api("DELETE", `/contacts/${id}`)).body).toEqual({});
    expect((await h.api("GET", `/contacts/${id}`)).status).toBe(404);
  });

  it("rejects metadata over 1024 characters and a bad mask field [docs: §5]", async () => {
    const r = await h.api("POST", "/contacts", { body: body("+46700000102", { metadata: "x".repeat(1025) }) });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field_violations[0].field).toBe("metadata");
    const c = await h.api("POST", "/contacts", { body: body("+46700000103") });
    const bad = await h.api("PATCH", `/contacts/${c.body.id}`, { body: {}, query: { update_mask: "id" } });
    expect(bad.status).toBe(400);
  });

  it("pages with opaque tokens, default 10, max 20, '' on the last page [fixture: contact-list-response-page0.json] [fixture: contact-list-response-last-page.json] [docs: §3]", async () => {
    const fresh = await startHarness();
    try {
      for (let i = 0; i < 23; i++) await fresh.api("POST", "/contacts", { body: body(`+4670000${String(i).padStart(4, "1")}`) });
      const p1 = await fresh.api("GET", "/contacts");
      expect(p1.body.contacts).toHaveLength(10);
      const p2 = await fresh.api("GET", "/contacts", { query: { page_size: "20", page_token: p1.body.next_page_token } });
      expect(p2.body.contacts).toHaveLength(13);
      expect(p2.body.next_page_token).toBe("");
      expect((await fresh.api("GET", "/contacts", { query: { page_size: "21" } })).status).toBe(400);
      expect((await fresh.api("GET", "/contacts", { query: { page_token: "garbage" } })).status).toBe(400);
      expect(fresh.problems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("filters by external_id or channel+identity, never both", async () => {
    await h.api("POST", "/contacts", { body: body("+46700000201", { external_id: "ext-201" }) });
    const byExt = await h.api("GET", "/contacts", { query: { external_id: "ext-201" } });
    expect(byExt.body.contacts).toHaveLength(1);
    const byId = await h.api("GET", "/contacts", { query: { channel: "SMS", identity: "+46700000201" } });
    expect(byId.body.contacts).toHaveLength(1);
    const both = await h.api("GET", "/contacts", { query: { external_id: "ext-201", channel: "SMS", identity: "+46700000201" } });
    expect(both.status).toBe(400);
    expect((await h.api("GET", "/contacts", { query: { channel: "SMS" } })).status).toBe(400);
  });

  it("merges two contacts: identities of missing channels move, the source is removed [fixture: contact-merge-request.json]", async () => {
    const dest = await h.api("POST", "/contacts", { body: body("+46700000301") });
    const src = await h.api("POST", "/contacts", {
      body: { channel_identities: [{ channel: "SMS", identity: "+46700000302" }, { channel: "MESSENGER", identity: "psid-302" }], language: "EN_US" },
    });
    const merged = await h.api("POST", `/contacts/${dest.body.id}:merge`, { body: { source_id: src.body.id, strategy: "MERGE" } });
    expect(merged.status).toBe(200);
    expect(merged.body.channel_identities.map((c: { channel: string }) => c.channel).sort()).toEqual(["MESSENGER", "SMS"]);
    expect((await h.api("GET", `/contacts/${src.body.id}`)).status).toBe(404);
    const self = await h.api("POST", `/contacts/${dest.body.id}:merge`, { body: { source_id: dest.body.id } });
    expect(self.status).toBe(400);
    const missing = await h.api("POST", `/contacts/${dest.body.id}:merge`, { body: { source_id: "01HZZZZZZZZZZZZZZZZZZZZZZZ" } });
    expect(missing.status).toBe(404);
  });

  it("answers getChannelProfile and identityConflicts [fixture: contact-get-channel-profile-response.json] [fixture: contact-identity-conflicts-list-response.json]", async () => {
    const app = await h.api("POST", "/apps", { body: smsApp() });
    const c = await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "MESSENGER", identity: "psid-1" }], language: "EN_US" } });
    const prof = await h.api("POST", "/contacts:getChannelProfile", { body: { app_id: app.body.id, channel: "MESSENGER", recipient: { contact_id: c.body.id } } });
    expect(prof.status).toBe(200);
    expect(typeof prof.body.profile_name).toBe("string");
    const bad = await h.api("POST", "/contacts:getChannelProfile", { body: { app_id: app.body.id, channel: "SMS", recipient: { contact_id: c.body.id } } });
    expect(bad.status).toBe(400);
    await h.api("POST", "/contacts", { body: body("+46700000999") });
    await h.api("POST", "/contacts", { body: { channel_identities: [{ channel: "RCS", identity: "+46700000999" }], language: "EN_US" } });
    const conflicts = await h.api("GET", "/contacts:identityConflicts");
    expect(conflicts.status).toBe(200);
    const hit = conflicts.body.conflicts.find((x: { identity: string }) => x.identity === "46700000999"); // stored without the +
    expect(hit.channels.sort()).toEqual(["RCS", "SMS"]);
    expect(hit.contact_ids).toHaveLength(2);
  });
});
