import { useHarness, type Harness } from "../testing/harness";

let h: Harness;
useHarness((started) => {
  h = started;
});

const v1beta = (path: string) => `/us/v1beta/projects/${h.project}${path}`;

describe("the introduction's /v1beta/ paths are today's /v1/ operations [docs: §1]", () => {
  it("creates on /v1beta/ and reads, lists and deletes the same contact on /v1/", async () => {
    const body = { channel_identities: [{ channel: "SMS", identity: "+46700000042" }], language: "EN_US", display_name: "beta" };
    const created = await h.raw("POST", v1beta("/contacts"), { body });
    expect(created.status).toBe(200);
    const got = await h.api("GET", `/contacts/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const listed = await h.raw("GET", v1beta("/contacts"));
    expect(listed.body.contacts.map((c: { id: string }) => c.id)).toContain(created.body.id);
    expect((await h.api("DELETE", `/contacts/${created.body.id}`)).status).toBe(200);
    expect((await h.raw("GET", v1beta(`/contacts/${created.body.id}`))).status).toBe(404);
  });

  it("applies the same auth, validation, custom methods and 405 on /v1beta/", async () => {
    expect((await h.raw("GET", v1beta("/apps"), { auth: "none" })).status).toBe(401);
    const invalid = await h.raw("POST", v1beta("/contacts"), { body: { channel_identities: [{ channel: "NOPE", identity: "1" }] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].field_violations.length).toBeGreaterThan(0);
    expect((await h.raw("GET", v1beta("/contacts:identityConflicts"))).status).toBe(200);
    const wrong = await h.raw("PUT", v1beta("/contacts"));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("POST, GET");
  });

  it("keeps templates on /v1/ (deprecated) and /v2/ only, and knows no other version", async () => {
    expect((await h.raw("GET", `/us/template/v2/projects/${h.project}/templates`)).status).toBe(200);
    expect((await h.raw("GET", `/us/template/v1/projects/${h.project}/templates`)).status).toBe(200);
    expect((await h.raw("GET", `/us/template/v1beta/projects/${h.project}/templates`)).status).toBe(404);
    expect((await h.raw("GET", `/us/v2/projects/${h.project}/apps`)).status).toBe(404);
    expect((await h.raw("GET", `/us/v1alpha/projects/${h.project}/apps`)).status).toBe(404);
  });
});
