import { useHarness, type CallOptions, type Harness, type Reply } from "../testing/harness";

let h: Harness;
useHarness((started) => {
  h = started;
});

/** A call to the deprecated Templates v1 API on the template host (the harness's `api` speaks v2 there). */
const v1 = (method: string, path: string, o: CallOptions & { region?: string } = {}): Promise<Reply> =>
  h.raw(method, `/${o.region ?? "us"}/template/v1/projects/${h.project}/templates${path}`, o);

// the request of the Node SDK's TemplatesV1Api test (createTemplate)
const SDK_CREATE = {
  description: "Template description",
  default_translation: "en-US",
  translations: [{ language_code: "en-US", version: "1", content: "Hello ${name}", variables: [{ key: "name", preview_value: "John" }] }],
};
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe("templates v1 (deprecated)", () => {
  it("creates a template shaped as the SDK's example reply, and reads and lists it", async () => {
    const created = await v1("POST", "", { body: SDK_CREATE });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      description: "Template description", default_translation: "en-US", channel: "UNSPECIFIED",
      translations: [{ language_code: "en-US", content: "Hello ${name}", version: "1", variables: [{ key: "name", preview_value: "John" }] }],
    });
    expect(created.body.id).toEqual(expect.any(String));
    expect(created.body.create_time).toMatch(ISO);
    expect(created.body.translations[0].update_time).toMatch(ISO);
    expect((await v1("GET", `/${created.body.id}`)).body).toEqual(created.body);
    const listed = await v1("GET", "");
    expect(listed.body.templates.map((t: { id: string }) => t.id)).toContain(created.body.id);
    expect((await v1("DELETE", `/${created.body.id}`)).body).toEqual({});
  });

  it("uses an id the caller gives and refuses it a second time (409)", async () => {
    const id = `tpl-${Date.now()}`;
    expect((await v1("POST", "", { body: { ...SDK_CREATE, id, channel: "SMS" } })).body).toMatchObject({ id, channel: "SMS" });
    const again = await v1("POST", "", { body: { ...SDK_CREATE, id } });
    expect(again.status).toBe(409);
    expect(again.body.error.status).toBe("ALREADY_EXISTS");
    await v1("DELETE", `/${id}`);
  });

  it("updates only the fields update_mask names, resets a masked field the body leaves out, and without a mask the fields sent", async () => {
    const id = (await v1("POST", "", { body: SDK_CREATE })).body.id as string;
    const masked = await v1("PATCH", `/${id}`, { body: { description: "Updated", default_translation: "xx" }, query: { update_mask: "description" } });
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({ description: "Updated", default_translation: "en-US", translations: [{ content: "Hello ${name}" }] });
    const reset = await v1("PATCH", `/${id}`, { body: {}, query: { "update_mask.paths": ["description"] } });
    expect(reset.body.description).toBe("");
    // the Node SDK's updateTemplate example: the translations are replaced whole, a missing version comes back ""
    const replaced = await v1("PATCH", `/${id}`, {
      body: { description: "Updated description", default_translation: "fr-FR", translations: [{ language_code: "fr-FR", content: "Bonjour ${name}" }] },
    });
    expect(replaced.body).toMatchObject({
      description: "Updated description", default_translation: "fr-FR",
      translations: [{ language_code: "fr-FR", content: "Bonjour ${name}", version: "", variables: [] }],
    });
    expect(replaced.body.translations).toHaveLength(1);
    expect(replaced.body.create_time).toBe(masked.body.create_time);
    await v1("DELETE", `/${id}`);
  });

  it("refuses a mask naming a field that cannot change and a default translation that names no translation, changing nothing", async () => {
    const id = (await v1("POST", "", { body: SDK_CREATE })).body.id as string;
    const idMask = await v1("PATCH", `/${id}`, { body: { id: "other" }, query: { update_mask: "id" } });
    expect(idMask.status).toBe(400);
    expect(idMask.body.error.details[0].field_violations[0].field).toBe("update_mask");
    const dangling = await v1("PATCH", `/${id}`, { body: { default_translation: "de-DE" } });
    expect(dangling.status).toBe(400);
    expect(dangling.body.error.details[0].field_violations[0].field).toBe("default_translation");
    expect((await v1("GET", `/${id}`)).body.default_translation).toBe("en-US");
    const onCreate = await v1("POST", "", { body: { ...SDK_CREATE, default_translation: "de-DE" } });
    expect(onCreate.status).toBe(400);
    await v1("DELETE", `/${id}`);
  });

  it("checks request bodies against the v1 schema: a translation needs its content", async () => {
    const r = await v1("POST", "", { body: { translations: [{ language_code: "en-US" }] } });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error.details)).toContain("content");
  });

  it("keeps v1 templates apart from v2 and per region; PUT is not a v1 method; delete then 404", async () => {
    const id = (await v1("POST", "", { body: SDK_CREATE })).body.id as string;
    const v2 = await h.api("GET", "/templates", { host: "template" });
    expect(v2.body.templates.map((t: { id: string }) => t.id)).not.toContain(id);
    expect((await v1("GET", `/${id}`, { region: "eu" })).status).toBe(404);
    const put = await v1("PUT", `/${id}`, { body: SDK_CREATE });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toContain("PATCH");
    expect((await v1("DELETE", `/${id}`)).status).toBe(200);
    const gone = await v1("GET", `/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.status).toBe("NOT_FOUND");
    expect((await v1("DELETE", `/${id}`)).status).toBe(404);
  });
});
