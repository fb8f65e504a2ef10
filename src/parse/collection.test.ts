import { parseCollection } from "./collection";

const SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

function collection(item: unknown[], extra: Record<string, unknown> = {}): unknown {
  return {
    info: { name: "test", schema: SCHEMA },
    auth: { type: "bearer", bearer: [{ key: "token", value: "{{ACCESS_TOKEN}}", type: "string" }] },
    variable: [
      { key: "PROJECT", value: "" },
      { key: "APP", value: "app-from-collection" },
      { key: "LEVEL", value: "collection" },
    ],
    item,
    ...extra,
  };
}

const contacts = {
  name: "Contacts",
  variable: [{ key: "LEVEL", value: "folder" }, { key: "EMPTY", value: "" }],
  item: [
    {
      name: "Create contact",
      request: {
        method: "POST",
        header: [
          { key: "Content-Type", value: "application/json" },
          { key: "X-Off", value: "1", disabled: true },
        ],
        url: {
          raw: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts?page_size=2&off=1",
          host: ["{{BASE_URL}}"],
          path: ["v1", "projects", "{{PROJECT}}", "contacts"],
          query: [
            { key: "page_size", value: "2" },
            { key: "off", value: "1", disabled: true },
          ],
        },
        body: { mode: "raw", raw: '{"display_name": "{{NAME}}"}', options: { raw: { language: "json" } } },
      },
    },
    {
      name: "Nested",
      auth: { type: "noauth" },
      item: [
        {
          name: "Get contact",
          request: { method: "get", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}" },
        },
      ],
    },
  ],
};

const oauth = {
  name: "OAuth2",
  item: [
    {
      name: "Get token",
      request: {
        method: "POST",
        auth: { type: "basic", basic: [{ key: "username", value: "{{CLIENT_ID}}" }] },
        url: "{{AUTH_URL}}/oauth2/token",
        body: { mode: "urlencoded", urlencoded: [{ key: "grant_type", value: "client_credentials" }, { key: "x", value: "y", disabled: true }] },
      },
    },
    {
      name: "Raw text",
      request: {
        method: "POST",
        header: [{ key: "Content-Type", value: "text/plain" }],
        url: "{{BASE_URL}}/echo",
        body: { mode: "raw", raw: "hello {{NAME}}" },
      },
    },
  ],
};

describe("parseCollection", () => {
  const { requests, diagnostics } = parseCollection(collection([contacts, oauth]), "c.json");

  it("flattens every request under its folder path", () => {
    expect(diagnostics).toEqual([]);
    expect([...requests.keys()]).toEqual(["Contacts/Create contact", "Contacts/Nested/Get contact", "OAuth2/Get token", "OAuth2/Raw text"]);
  });

  it("keeps {{VARIABLES}} in the URL, drops the query into pairs and disabled entries", () => {
    const create = requests.get("Contacts/Create contact");
    expect(create).toMatchObject({
      folder: "Contacts",
      name: "Create contact",
      method: "POST",
      url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts",
      query: [["page_size", "2"]],
      headers: { "Content-Type": "application/json" },
      body: { mode: "json", json: { display_name: "{{NAME}}" } },
      auth: "bearer",
    });
    expect(requests.get("Contacts/Nested/Get contact")?.url).toBe("{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/{{CONTACT}}");
    expect(requests.get("Contacts/Nested/Get contact")?.method).toBe("GET");
  });

  it("resolves auth up the folder chain", () => {
    expect(requests.get("Contacts/Nested/Get contact")?.auth).toBe("none");
    expect(requests.get("OAuth2/Get token")?.auth).toBe("basic");
    expect(requests.get("OAuth2/Raw text")?.auth).toBe("bearer");
  });

  it("reads urlencoded and non-JSON raw bodies", () => {
    expect(requests.get("OAuth2/Get token")?.body).toEqual({ mode: "urlencoded", form: { grant_type: "client_credentials" } });
    expect(requests.get("OAuth2/Raw text")?.body).toEqual({ mode: "raw", raw: "hello {{NAME}}", contentType: "text/plain" });
    expect(requests.get("Contacts/Nested/Get contact")?.body).toBeUndefined();
  });

  it("overlays non-empty folder variables on collection variables", () => {
    expect(requests.get("Contacts/Create contact")?.variables).toEqual({ APP: "app-from-collection", LEVEL: "folder" });
    expect(requests.get("OAuth2/Get token")?.variables).toEqual({ APP: "app-from-collection", LEVEL: "collection" });
  });

  it("reports duplicate request ids and non-collections as CC_COLLECTION_INVALID", () => {
    const twice = parseCollection(collection([oauth, oauth]), "c.json");
    expect(twice.diagnostics.map((d) => d.code)).toEqual(["CC_COLLECTION_INVALID", "CC_COLLECTION_INVALID"]);
    expect(twice.requests.size).toBe(2);
    for (const bad of [null, [], { info: {} }]) {
      const out = parseCollection(bad, "x.json");
      expect(out.diagnostics).toEqual([expect.objectContaining({ code: "CC_COLLECTION_INVALID", file: "x.json" })]);
    }
  });
});
